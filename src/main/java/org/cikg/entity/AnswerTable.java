package org.cikg.entity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.cikg.core.Namespaces;
import org.cikg.sparql.Terms;

/**
 * A named question's answer as a page shows it: one column per result variable (an {@code xLabel} variable names
 * the IRIs of {@code x} and is not a column of its own), entities linking to their pages, ontology terms to the
 * ontology, source articles to the paragraph the row gives ({@code paragraph} column, shown with the source), and
 * the charts the answer lends itself to ({@link Chart}).
 *
 * @param columns   the columns shown, with their headings
 * @param rows      one list of cells per row, in column order (null for an unbound cell)
 * @param rowCount  rows in the answer
 * @param truncated whether the answer had more rows than shown
 */
record AnswerTable(List<Column> columns, List<List<Cell>> rows, int rowCount, boolean truncated) {
    static final String LABEL_SUFFIX = "Label";
    private static final Set<String> NUMERIC = Set.of(
            XSDDatatype.XSDdecimal.getURI(),
            XSDDatatype.XSDdouble.getURI(),
            XSDDatatype.XSDfloat.getURI(),
            XSDDatatype.XSDinteger.getURI(),
            XSDDatatype.XSDint.getURI(),
            XSDDatatype.XSDlong.getURI());

    /**
     * A column.
     *
     * @param name    the result variable
     * @param heading what the page prints above it ({@code organizationLabel} is not a column: it labels
     *                {@code organization})
     * @param numeric whether every value is a number (aligned right)
     */
    record Column(String name, String heading, boolean numeric) {}

    /**
     * One value: its text, where it links (null for none), its language, and the paragraph of a source.
     */
    record Cell(String text, String href, String lang, String paragraph) {}

    static AnswerTable of(List<Var> vars, List<Binding> bindings, boolean truncated, int show, LabelLanguage lang) {
        Set<String> names = vars.stream().map(Var::getVarName).collect(Collectors.toSet());
        List<String> shown = vars.stream()
                .map(Var::getVarName)
                .filter(n -> !companion(n, names))
                .filter(n -> !(n.equals("paragraph") && names.contains("source")))
                .toList();
        List<Column> columns = new ArrayList<>();
        for (String n : shown) {
            boolean numeric = !bindings.isEmpty()
                    && bindings.stream()
                            .map(b -> b.get(Var.alloc(n)))
                            .allMatch(v -> v == null || v.isLiteral() && NUMERIC.contains(v.getLiteralDatatypeURI()));
            columns.add(new Column(
                    n, heading(n), numeric && bindings.stream().anyMatch(b -> b.get(Var.alloc(n)) != null)));
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (Binding b : bindings.subList(0, Math.min(show, bindings.size()))) {
            List<Cell> row = new ArrayList<>();
            for (String n : shown) {
                Node v = b.get(Var.alloc(n));
                Node label = b.get(Var.alloc(n + LABEL_SUFFIX));
                Node para = n.equals("source") ? b.get(Var.alloc("paragraph")) : null;
                row.add(v == null ? null : cell(v, label, para, lang));
            }
            rows.add(row);
        }
        return new AnswerTable(columns, rows, bindings.size(), truncated || bindings.size() > show);
    }

    static boolean companion(String name, Set<String> names) {
        return name.endsWith(LABEL_SUFFIX)
                && name.length() > LABEL_SUFFIX.length()
                && names.contains(name.substring(0, name.length() - LABEL_SUFFIX.length()));
    }

    /** {@code organizationLabel} → "organization", {@code indicatorYear} → "indicator year". */
    static String heading(String var) {
        return var.replaceAll("([a-z])([A-Z0-9])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    static Cell cell(Node v, Node label, Node paragraph, LabelLanguage lang) {
        if (v.isURI()) {
            String iri = v.getURI();
            String text = label != null && label.isLiteral()
                    ? label.getLiteralLexicalForm()
                    : iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
            String labelLang = label != null && label.isLiteral() ? label.getLiteralLanguage() : "";
            String href = null;
            String para = null;
            if (iri.startsWith(Namespaces.KGID)) {
                href = "/page/" + Terms.slugOf(v) + lang.suffix();
            } else if (iri.startsWith(Namespaces.KGSRC)) {
                para = paragraph != null && paragraph.isLiteral() ? paragraph.getLiteralLexicalForm() : null;
                href = "/source/" + iri.substring(Namespaces.KGSRC.length()) + lang.suffix()
                        + (para != null ? "#p" + para : "");
            } else if (iri.startsWith(Namespaces.CIKG)) {
                href = "/ontology#" + iri.substring(Namespaces.CIKG.length());
            }
            return new Cell(text, href, labelLang, para);
        }
        if (v.isLiteral()) {
            String lex = v.getLiteralLexicalForm();
            if (XSDDatatype.XSDgYear.getURI().equals(v.getLiteralDatatypeURI())) {
                lex = lex.replaceFirst("(Z|[+-]\\d\\d:\\d\\d)$", "");
            }
            return new Cell(lex, null, v.getLiteralLanguage(), null);
        }
        return new Cell(v.toString(), null, "", null);
    }

    /** The rows as maps by column, for the chart builder. */
    static List<Map<String, Node>> plain(List<Var> vars, List<Binding> bindings) {
        List<Map<String, Node>> out = new ArrayList<>();
        for (Binding b : bindings) {
            Map<String, Node> row = new LinkedHashMap<>();
            for (Var v : vars) {
                Node n = b.get(v);
                if (n != null) {
                    row.put(v.getVarName(), n);
                }
            }
            out.add(row);
        }
        return out;
    }
}
