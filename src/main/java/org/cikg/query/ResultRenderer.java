package org.cikg.query;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.resultset.ResultsWriter;

/**
 * Renders the rows of a catalogue query: as the {@link QueryResult} JSON shape (IRIs carry the label from their
 * {@code xLabel} companion column), or through Jena's writers as SPARQL JSON and CSV (all columns as they are).
 */
final class ResultRenderer {
    static final String LABEL_SUFFIX = "Label";

    private ResultRenderer() {}

    /** The columns of the JSON shape: the query's variables without the {@code xLabel} companions of a column {@code x}. */
    static List<String> columns(List<Var> vars) {
        Set<String> names = vars.stream().map(Var::getVarName).collect(Collectors.toSet());
        return vars.stream()
                .map(Var::getVarName)
                .filter(n -> !isCompanion(n, names))
                .toList();
    }

    private static boolean isCompanion(String name, Set<String> names) {
        return name.endsWith(LABEL_SUFFIX)
                && name.length() > LABEL_SUFFIX.length()
                && names.contains(name.substring(0, name.length() - LABEL_SUFFIX.length()));
    }

    static List<Map<String, QueryResult.Cell>> rows(List<String> columns, List<Binding> bindings) {
        List<Map<String, QueryResult.Cell>> rows = new ArrayList<>(bindings.size());
        for (Binding b : bindings) {
            Map<String, QueryResult.Cell> row = new LinkedHashMap<>();
            for (String col : columns) {
                Node n = b.get(Var.alloc(col));
                if (n != null) {
                    Node label = b.get(Var.alloc(col + LABEL_SUFFIX));
                    row.put(col, cell(n, label));
                }
            }
            rows.add(row);
        }
        return rows;
    }

    static QueryResult.Cell cell(Node n, Node label) {
        if (n.isURI()) {
            String l = label != null && label.isLiteral() ? label.getLiteralLexicalForm() : null;
            return new QueryResult.Cell(n.getURI(), "iri", l, null, null);
        }
        if (n.isBlank()) {
            return new QueryResult.Cell(n.getBlankNodeLabel(), "bnode", null, null, null);
        }
        if (n.isLiteral()) {
            String lang = n.getLiteralLanguage();
            boolean tagged = lang != null && !lang.isEmpty();
            return new QueryResult.Cell(
                    n.getLiteralLexicalForm(),
                    "literal",
                    null,
                    tagged ? null : n.getLiteralDatatypeURI(),
                    tagged ? lang : null);
        }
        return new QueryResult.Cell(n.toString(), "literal", null, null, null);
    }

    /** SPARQL 1.1 Query Results JSON, or CSV, of these rows, via Jena's writers. */
    static byte[] write(List<Var> vars, List<Binding> bindings, Lang lang) {
        RowSet rs = RowSetStream.create(vars, bindings.iterator());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultsWriter.create().lang(lang).write(out, rs);
        return out.toByteArray();
    }
}
