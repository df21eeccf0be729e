package org.cikg.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.cikg.core.LabelPicker;
import org.cikg.core.Namespaces;
import org.cikg.sparql.Terms;

/**
 * The cells of a data extension as the Reconciliation API writes them (entity, number, year, date, boolean or string
 * cells, each with its sources and certainty): the shapes are described on {@link DataExtender}.
 */
final class ExtensionCells {
    private ExtensionCells() {}

    /** The cells of one property of one entity (see {@link DataExtender} for their shape), in a fixed order. */
    static List<Map<String, Object>> cells(
            Map<Node, Map<String, String>> values, String lang, Map<Node, Map<Node, Map<String, Object>>> provenance) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<Node> strings = new ArrayList<>();
        for (Map.Entry<Node, Map<String, String>> e : values.entrySet()) {
            Node v = e.getKey();
            if (v.isURI()) {
                out.add(withSources(entityCell(v, e.getValue(), lang), provenance.get(v)));
            } else if (v.isLiteral() && !v.getLiteralLanguage().isEmpty()) {
                strings.add(v);
            } else if (v.isLiteral()) {
                out.add(withSources(literalCell(v), provenance.get(v)));
            }
        }
        for (Node s : inLanguage(strings, lang)) {
            out.add(withSources(Map.of("str", s.getLiteralLexicalForm()), provenance.get(s)));
        }
        out.sort(Comparator.comparing(Object::toString));
        return out;
    }

    /** The cell with {@code sources} (one per statement, by source then paragraph) and the overall certainty. */
    private static Map<String, Object> withSources(
            Map<String, Object> cell, Map<Node, Map<String, Object>> statements) {
        Map<String, Object> out = new LinkedHashMap<>(cell);
        List<Map<String, Object>> sources =
                statements == null ? new ArrayList<>() : new ArrayList<>(statements.values());
        sources.sort(Comparator.comparing((Map<String, Object> m) -> String.valueOf(m.get("source")))
                .thenComparing(m -> m.get("paragraph") instanceof Integer p ? p : 0));
        out.put("sources", sources);
        boolean stated = sources.stream().anyMatch(m -> "stated".equals(m.get("certainty")));
        boolean hedged = sources.stream().anyMatch(m -> "hedged".equals(m.get("certainty")));
        if (stated || hedged) {
            out.put("certainty", stated ? "stated" : "hedged");
        }
        return out;
    }

    private static Map<String, Object> entityCell(Node v, Map<String, String> names, String lang) {
        String uri = v.getURI();
        String fallback = uri.startsWith(Namespaces.KGID) ? Terms.slugOf(v) : uri.substring(uri.lastIndexOf('#') + 1);
        String name = LabelPicker.best(names, lang).orElse(fallback);
        Map<String, Object> cell = new LinkedHashMap<>();
        if (uri.startsWith(Namespaces.KGID)) {
            cell.put("id", Terms.slugOf(v));
            cell.put("name", name);
        } else {
            cell.put("str", name);
        }
        return cell;
    }

    private static List<Node> inLanguage(List<Node> strings, String lang) {
        for (String l : new String[] {lang, "en"}) {
            List<Node> in = strings.stream()
                    .filter(s -> s.getLiteralLanguage().equalsIgnoreCase(l))
                    .toList();
            if (!in.isEmpty()) {
                return in;
            }
        }
        return strings;
    }

    private static Map<String, Object> literalCell(Node v) {
        RDFDatatype dt = v.getLiteralDatatype();
        String lex = v.getLiteralLexicalForm().strip();
        try {
            if (dt instanceof XSDDatatype x && v.getLiteralValue() instanceof Number n) {
                boolean integral = x.equals(XSDDatatype.XSDinteger)
                        || x.equals(XSDDatatype.XSDint)
                        || x.equals(XSDDatatype.XSDlong)
                        || x.equals(XSDDatatype.XSDnonNegativeInteger)
                        || x.equals(XSDDatatype.XSDpositiveInteger);
                return integral ? Map.of("int", n.longValue()) : Map.of("float", n.doubleValue());
            }
            if (XSDDatatype.XSDboolean.equals(dt)) {
                return Map.of("bool", Boolean.parseBoolean(lex));
            }
            if (XSDDatatype.XSDgYear.equals(dt) && lex.matches("-?\\d{4,}")) {
                return Map.of("int", Long.parseLong(lex));
            }
            String date = isoDate(dt, lex);
            if (date != null) {
                return Map.of("date", date);
            }
        } catch (org.apache.jena.datatypes.DatatypeFormatException e) {
            // an ill-typed literal (the load rejects them; a remote store may not): give its text
        }
        return Map.of("str", lex);
    }

    /** A year, month or date as the ISO date-time OpenRefine reads ({@code 2023 → 2023-01-01T00:00:00+00:00}). */
    static String isoDate(RDFDatatype dt, String lex) {
        if (XSDDatatype.XSDgYear.equals(dt) && lex.matches("-?\\d{4,}")) {
            return lex + "-01-01T00:00:00+00:00";
        }
        if (XSDDatatype.XSDgYearMonth.equals(dt) && lex.matches("-?\\d{4,}-\\d{2}")) {
            return lex + "-01T00:00:00+00:00";
        }
        if (XSDDatatype.XSDdate.equals(dt) && lex.matches("-?\\d{4,}-\\d{2}-\\d{2}")) {
            return lex + "T00:00:00+00:00";
        }
        if (XSDDatatype.XSDdateTime.equals(dt) || XSDDatatype.XSDdateTimeStamp.equals(dt)) {
            return lex.matches(".*(Z|[+-]\\d{2}:\\d{2})$") ? lex : lex + "+00:00";
        }
        return null;
    }
}
