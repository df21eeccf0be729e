package org.cikg.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.cikg.sparql.CatalogQuery;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.QueryRunner;
import org.cikg.sparql.SystemQuery;
import org.cikg.store.KnowledgeStore;
import org.springframework.stereotype.Component;

/**
 * Reads which claims about an entity take part in a disagreement, with the named question {@code conflicts} itself,
 * so a page shows exactly the disagreements the question lists.
 */
@Component
class EntityClaimsReader {
    private final KnowledgeStore store;
    private final CatalogQuery conflicts;

    EntityClaimsReader(KnowledgeStore store, QueryCatalog catalog) {
        this.store = store;
        this.conflicts = catalog.get(SystemQuery.CONFLICTS);
    }

    /** The statements of the disagreements about {@code entity} (as subject, or as what a figure is about). */
    List<EntityClaimsAssembler.Disputed> disputed(Node entity) {
        return disputed(entity, store.runner());
    }

    /** The same, asked through {@code through} (the graph as of a year, say). */
    List<EntityClaimsAssembler.Disputed> disputed(Node entity, QueryRunner through) {
        List<EntityClaimsAssembler.Disputed> out = new ArrayList<>();
        for (Binding b :
                through.select(conflicts, Map.of("entity", entity, "lang", NodeFactory.createLiteralString("en")))) {
            out.add(new EntityClaimsAssembler.Disputed(
                    uri(b, "statement"),
                    uri(b, "property"),
                    uri(b, "indicator"),
                    b.get("year") == null ? null : b.get("year").getLiteralLexicalForm()));
        }
        return out;
    }

    private static String uri(Binding b, String var) {
        Node n = b.get(var);
        return n == null || !n.isURI() ? null : n.getURI();
    }
}
