package org.cikg.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;

/**
 * The node attributes of a sub-graph as the typed columns that GraphML and GEXF declare: one per predicate, typed
 * {@code long} when every value is a whole number or a year, {@code double} when every value is a number, else
 * {@code string}. Years are numbers in every format.
 *
 * <p>Several values for one predicate (two founding years from two sources): a numeric column keeps its type and
 * holds the smallest value (the earliest year), and a companion string column {@code {name}Values} holds all of them
 * in order, separated by "; " ({@code foundingYear} 2019, {@code foundingYearValues} "2019; 2023"); a string column
 * holds them joined with "; ". Cytoscape JSON gives the list itself ({@code "foundingYear": [2019, 2023]}).
 */
final class NodeAttributes {
    private static final Set<String> WHOLE = Set.of(
            XSDDatatype.XSDinteger.getURI(),
            XSDDatatype.XSDint.getURI(),
            XSDDatatype.XSDlong.getURI(),
            XSDDatatype.XSDshort.getURI(),
            XSDDatatype.XSDgYear.getURI(),
            XSDDatatype.XSDnonNegativeInteger.getURI(),
            XSDDatatype.XSDpositiveInteger.getURI());
    private static final Set<String> REAL =
            Set.of(XSDDatatype.XSDdecimal.getURI(), XSDDatatype.XSDdouble.getURI(), XSDDatatype.XSDfloat.getURI());
    /** Names the writers use themselves; an attribute with one of them gets a prefix. */
    private static final Set<String> RESERVED =
            Set.of("id", "label", "type", "source", "target", "page", "value", "name", "color", "key");

    /**
     * One column.
     *
     * @param predicate the predicate IRI
     * @param name      its local name, the attribute's name in every format
     * @param type      {@code long}, {@code double} or {@code string}
     * @param allValues whether this is the companion column listing all of a node's values ({@code {name}Values})
     */
    record Column(String predicate, String name, String type, boolean allValues) {}

    /** The suffix of the column that lists every value of a multi-valued numeric attribute. */
    static final String VALUES_SUFFIX = "Values";

    private NodeAttributes() {}

    static List<Column> columns(SubGraph g) {
        Map<String, String> types = new LinkedHashMap<>();
        Set<String> multi = new java.util.HashSet<>();
        for (SubGraph.Node n : g.nodes()) {
            n.attributes().forEach((p, values) -> {
                for (Node v : values) {
                    types.merge(p, typeOf(v), NodeAttributes::widen);
                }
                if (values.size() > 1) {
                    multi.add(p);
                }
            });
        }
        List<Column> cols = new ArrayList<>();
        types.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String local = GraphLookups.localName(e.getKey());
            String name = RESERVED.contains(local) ? "attr_" + local : local;
            cols.add(new Column(e.getKey(), name, e.getValue(), false));
            if (multi.contains(e.getKey()) && !e.getValue().equals("string")) {
                cols.add(new Column(e.getKey(), name + VALUES_SUFFIX, "string", true));
            }
        });
        return cols;
    }

    /** The value of a column for a node, as text, or null if the node has none. */
    static String text(SubGraph.Node n, Column c) {
        List<Node> values = n.attributes().get(c.predicate());
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (c.allValues()) {
            return String.join(
                    "; ", values.stream().map(v -> lexical(v, typeOf(v))).toList());
        }
        if (values.size() == 1) {
            return lexical(values.get(0), c.type());
        }
        if (!c.type().equals("string")) {
            return values.stream()
                    .map(v -> lexical(v, typeOf(v)))
                    .min(java.util.Comparator.comparingDouble(Double::parseDouble))
                    .orElseThrow();
        }
        return String.join(
                "; ", values.stream().map(Node::getLiteralLexicalForm).toList());
    }

    /** The value as a JSON-ready object: a number for numeric columns, a string, or a list for several values. */
    static Object json(SubGraph.Node n, Column c) {
        List<Node> values = n.attributes().get(c.predicate());
        if (values == null || values.isEmpty() || c.allValues()) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        for (Node v : values) {
            String t = typeOf(v);
            out.add(
                    switch (t) {
                        case "long" -> Long.valueOf(lexical(v, t));
                        case "double" ->
                            Double.valueOf(v.getLiteralLexicalForm().strip());
                        default -> v.getLiteralLexicalForm();
                    });
        }
        return out.size() == 1 ? out.get(0) : out;
    }

    private static String lexical(Node v, String type) {
        String s = v.getLiteralLexicalForm().strip();
        if ("long".equals(type) && s.startsWith("+")) {
            s = s.substring(1);
        }
        if ("long".equals(type) && XSDDatatype.XSDgYear.getURI().equals(v.getLiteralDatatypeURI())) {
            s = s.replaceFirst("(Z|[+-]\\d\\d:\\d\\d)$", "");
        }
        return s;
    }

    private static String typeOf(Node v) {
        String dt = v.getLiteralDatatypeURI();
        if (WHOLE.contains(dt) && lexical(v, "long").matches("-?\\d{1,18}")) {
            return "long";
        }
        if (REAL.contains(dt)) {
            try {
                Double.parseDouble(v.getLiteralLexicalForm().strip());
                return "double";
            } catch (NumberFormatException e) {
                return "string";
            }
        }
        return "string";
    }

    private static String widen(String a, String b) {
        if (a.equals(b)) {
            return a;
        }
        if (!a.equals("string") && !b.equals("string")) {
            return "double";
        }
        return "string";
    }
}
