package org.cikg.workbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;
import org.cikg.core.Namespaces;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.SystemQuery;
import org.cikg.store.KnowledgeStore;
import org.springframework.stereotype.Component;

/**
 * What the editor completes: the contract prefixes, the ontology's classes and properties as they are in the store
 * now (read with {@code queries/system/workbench-vocabulary.rq}), and the standard terms the contract uses.
 */
@Component
class WorkbenchVocabulary {
    /** Standard-vocabulary terms the contract relies on (statement nodes, labels, provenance, documents). */
    private static final List<Completion> STANDARD = List.of(
            new Completion("rdf:type", "property", "type", null),
            new Completion("rdf:Statement", "class", "statement node of a claim", null),
            new Completion("rdf:subject", "property", "statement's subject", null),
            new Completion("rdf:predicate", "property", "statement's predicate", null),
            new Completion("rdf:object", "property", "statement's object", null),
            new Completion("rdfs:label", "property", "label (one @en per entity)", null),
            new Completion("rdfs:comment", "property", "comment", null),
            new Completion("rdfs:subClassOf", "property", "subclass of", null),
            new Completion("skos:altLabel", "property", "variant name", null),
            new Completion("prov:wasDerivedFrom", "property", "source document of a statement", null),
            new Completion("dcterms:title", "property", "source document title", null),
            new Completion("dcterms:language", "property", "source document language", null),
            new Completion("dcterms:identifier", "property", "source file name", null));

    private final KnowledgeStore store;
    private final QueryCatalog catalog;

    WorkbenchVocabulary(KnowledgeStore store, QueryCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    Vocabulary vocabulary() {
        Map<String, Completion> terms = new LinkedHashMap<>();
        for (Binding b : store.runner().select(catalog.get(SystemQuery.WORKBENCH_VOCABULARY), Map.of())) {
            String iri = b.get("term").getURI();
            String name = "cikg:" + iri.substring(Namespaces.CIKG.length());
            terms.putIfAbsent(
                    name,
                    new Completion(
                            name, b.get("kind").getLiteralLexicalForm(), text(b.get("label")), text(b.get("comment"))));
        }
        List<Completion> all = new ArrayList<>(terms.values());
        all.addAll(STANDARD);
        return new Vocabulary(ContractPrefixes.ALL, all);
    }

    private static String text(Node n) {
        return n == null ? null : n.getLiteralLexicalForm();
    }

    /**
     * @param prefixes prefix → namespace, in declaration order
     * @param terms    classes and properties as prefixed names
     */
    record Vocabulary(Map<String, String> prefixes, List<Completion> terms) {}

    /**
     * @param label  the prefixed name ({@code cikg:Startup})
     * @param type   {@code class} or {@code property}
     * @param detail its English label
     * @param info   its English comment, or null
     */
    record Completion(String label, String type, String detail, String info) {}
}
