package org.cikg.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.cikg.sparql.CatalogQuery;
import org.cikg.sparql.QueryCatalog;
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
        this.conflicts = catalog.get("conflicts");
    }

    /** The statements of the disagreements about {@code entity} (as subject, or as what a figure is about). */
    List<EntityClaimsAssembler.Disputed> disputed(Node entity) {
        RowSet rows = store.runner().select(conflicts,
                Map.of("entity", entity, "lang", NodeFactory.createLiteralString("en")));
        List<EntityClaimsAssembler.Disputed> out = new ArrayList<>();
        while (rows.hasNext()) {
            Binding b = rows.next();
            out.add(new EntityClaimsAssembler.Disputed(uri(b, "statement"), uri(b, "property"), uri(b, "indicator"),
                    b.get("year") == null ? null : b.get("year").getLiteralLexicalForm()));
        }
        return out;
    }

    private static String uri(Binding b, String var) {
        Node n = b.get(var);
        return n == null || !n.isURI() ? null : n.getURI();
    }
}
