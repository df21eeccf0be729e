package org.cikg.search;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.QueryRunner;
import org.cikg.sparql.SystemQuery;

/**
 * An entity's labels and English-or-other glosses by language, read with {@code queries/system/search-entity.rq}
 * (the first value per language wins). Shared by search results and reconciliation candidates.
 *
 * @param labels   rdfs:label values by lower-case language tag
 * @param comments rdfs:comment values by lower-case language tag
 */
public record EntityNames(Map<String, String> labels, Map<String, String> comments) {

    /** Reads them inside the caller's read ({@link QueryRunner#read}). */
    public static EntityNames read(QueryRunner runner, QueryCatalog catalog, Node entity) {
        Map<String, String> labels = new HashMap<>();
        Map<String, String> comments = new HashMap<>();
        for (Binding b : runner.selectInTxn(catalog.get(SystemQuery.SEARCH_ENTITY), Map.of("entity", entity))) {
            collect(b.get(Var.alloc("label")), labels);
            collect(b.get(Var.alloc("comment")), comments);
        }
        return new EntityNames(labels, comments);
    }

    private static void collect(Node n, Map<String, String> byLang) {
        if (n != null && n.isLiteral()) {
            byLang.putIfAbsent(n.getLiteralLanguage().toLowerCase(Locale.ROOT), n.getLiteralLexicalForm());
        }
    }
}
