package org.cikg.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;
import org.cikg.core.LabelPicker;
import org.cikg.core.Namespaces;
import org.cikg.sparql.CatalogQuery;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.QueryRunner;
import org.cikg.sparql.SystemQuery;
import org.cikg.sparql.Table;

/**
 * The per-request look-ups both exports share: what an entity is (labels, classes, literal facts) and how the
 * ontology labels its properties. Call inside a read transaction; results are cached for the request.
 */
final class GraphLookups {
    private static final String RDFS_LABEL = Namespaces.RDFS + "label";

    private final QueryRunner runner;
    private final QueryCatalog catalogRef;
    private final CatalogQuery nodeQuery;
    private final CatalogQuery statementsQuery;
    private final String lang;
    private final Map<Node, Description> described = new HashMap<>();
    private final Map<String, String> propertyLabels;

    GraphLookups(QueryRunner runner, QueryCatalog catalog, String lang) {
        this.runner = runner;
        this.catalogRef = catalog;
        this.nodeQuery = catalog.get(SystemQuery.GRAPH_NODE);
        this.statementsQuery = catalog.get(SystemQuery.GRAPH_STATEMENTS);
        this.lang = lang;
        this.propertyLabels = loadPropertyLabels(catalog.get(SystemQuery.GRAPH_PROPERTY_LABELS));
    }

    /**
     * What the store says about an entity.
     *
     * @param node     the entity
     * @param known    whether the store has any class or label for it
     * @param anyTypes all its classes, inferred super-classes included
     * @param graphNode the node as exports write it
     */
    record Description(Node node, boolean known, Set<Node> anyTypes, SubGraph.Node graphNode) {}

    Description describe(Node node) {
        return described.computeIfAbsent(node, this::load);
    }

    private Description load(Node node) {
        Table rows = runner.selectInTxn(nodeQuery, Map.of("node", node));
        List<Node> asserted = new ArrayList<>();
        Set<Node> anyTypes = new LinkedHashSet<>();
        List<Node> labels = new ArrayList<>();
        Map<String, List<Node>> attributes = new TreeMap<>();
        for (Binding b : rows) {
            if (b.get("assertedType") != null) {
                asserted.add(b.get("assertedType"));
            } else if (b.get("anyType") != null) {
                anyTypes.add(b.get("anyType"));
            } else if (b.get("label") != null) {
                labels.add(b.get("label"));
            } else if (b.get("p") != null && b.get("value") != null) {
                List<Node> values = attributes.computeIfAbsent(b.get("p").getURI(), k -> new ArrayList<>());
                if (!values.contains(b.get("value"))) {
                    values.add(b.get("value"));
                }
            }
        }
        attributes.values().forEach(v -> v.sort(java.util.Comparator.comparing(Node::getLiteralLexicalForm)));
        Node type = asserted.stream()
                .filter(t -> t.isURI() && t.getURI().startsWith(Namespaces.CIKG))
                .min(java.util.Comparator.comparing(Node::getURI))
                .orElse(asserted.stream().filter(Node::isURI).findFirst().orElse(null));
        Node label = pick(labels);
        String id = node.getURI();
        SubGraph.Node graphNode = new SubGraph.Node(
                id,
                label != null ? label.getLiteralLexicalForm() : localName(id),
                label != null ? label.getLiteralLanguage() : "",
                type != null ? localName(type.getURI()) : "Thing",
                type != null ? type.getURI() : null,
                new LinkedHashMap<>(attributes));
        return new Description(node, !anyTypes.isEmpty() || !labels.isEmpty(), anyTypes, graphNode);
    }

    /** The titles of the sources the edges cite, by source IRI (a source without a title is left out). */
    Map<String, String> sourceTitles(List<SubGraph.Edge> edges) {
        Map<String, String> titles = new java.util.TreeMap<>();
        CatalogQuery q = catalogRef.get(SystemQuery.GRAPH_SOURCE_TITLE);
        for (SubGraph.Edge e : edges) {
            for (SubGraph.SourceRef s : e.sources()) {
                if (!titles.containsKey(s.source()) && s.source().startsWith("http")) {
                    Table rows = runner.selectInTxn(
                            q, Map.of("source", org.apache.jena.graph.NodeFactory.createURI(s.source())));
                    titles.put(
                            s.source(),
                            rows.first()
                                    .map(b -> b.get("title").getLiteralLexicalForm())
                                    .orElse(null));
                }
            }
        }
        titles.values().removeIf(java.util.Objects::isNull);
        return titles;
    }

    /** The label of a property in the asked language, else English, else its local name. */
    String propertyLabel(String iri) {
        String l = propertyLabels.get(iri);
        return l != null ? l : localName(iri);
    }

    /** The statement nodes behind one triple. */
    List<SubGraph.Statement> statements(Node s, Node p, Node o) {
        Table rows = runner.selectInTxn(statementsQuery, Map.of("s", s, "p", p, "o", o));
        Map<Node, SubGraph.Statement> found = new LinkedHashMap<>();
        for (Binding b : rows) {
            found.merge(b.get("st"), statementOf(b), GraphLookups::mergeStatement);
        }
        return List.copyOf(found.values());
    }

    static SubGraph.Statement statementOf(Binding b) {
        Node st = b.get("st");
        return new SubGraph.Statement(
                st.isURI() ? st.getURI() : "_:" + st.getBlankNodeLabel(),
                uriOrNull(b.get("src")),
                intOrNull(b.get("para")),
                stringOrNull(b.get("certainty")),
                intOrNull(b.get("startYear")),
                intOrNull(b.get("endYear")));
    }

    /** Two rows for one statement node (it has two sources, say): keep what each adds. */
    static SubGraph.Statement mergeStatement(SubGraph.Statement a, SubGraph.Statement b) {
        return new SubGraph.Statement(
                a.id(),
                a.source() != null ? a.source() : b.source(),
                a.paragraph() != null ? a.paragraph() : b.paragraph(),
                a.certainty() != null ? a.certainty() : b.certainty(),
                minOf(a.startYear(), b.startYear()),
                maxOf(a.endYear(), b.endYear()));
    }

    private Map<String, String> loadPropertyLabels(CatalogQuery q) {
        Map<String, List<Node>> byProperty = new HashMap<>();
        for (Binding b : runner.selectInTxn(q, Map.of())) {
            byProperty
                    .computeIfAbsent(b.get("property").getURI(), k -> new ArrayList<>())
                    .add(b.get("label"));
        }
        Map<String, String> labels = new HashMap<>();
        byProperty.forEach((p, ls) -> {
            Node l = pick(ls);
            if (l != null) {
                labels.put(p, l.getLiteralLexicalForm());
            }
        });
        labels.putIfAbsent(RDFS_LABEL, "label");
        return labels;
    }

    /** The label {@link LabelPicker} picks for the asked language, or null. */
    private Node pick(List<Node> labels) {
        return LabelPicker.best(labels, lang).orElse(null);
    }

    static String localName(String iri) {
        int i = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return i >= 0 && i < iri.length() - 1 ? iri.substring(i + 1) : iri;
    }

    static Integer intOrNull(Node n) {
        if (n == null || !n.isLiteral()) {
            return null;
        }
        try {
            return Integer.valueOf(n.getLiteralLexicalForm().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String stringOrNull(Node n) {
        return n == null ? null : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }

    static String uriOrNull(Node n) {
        return n == null ? null : n.isURI() ? n.getURI() : n.toString();
    }

    static Integer minOf(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(Math.min(a, b));
    }

    static Integer maxOf(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(Math.max(a, b));
    }
}
