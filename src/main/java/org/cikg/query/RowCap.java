package org.cikg.query;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;

/**
 * The first {@code limit} rows of a result and whether there were more. Every format of a named question says so:
 * JSON in {@code truncated}, SPARQL JSON and CSV (which have no place for it) in the {@value #HEADER} header, sent
 * on every answer ({@code true} or {@code false}) with the limit in {@value #LIMIT_HEADER}.
 *
 * @param rows      at most {@code limit} rows, in result order
 * @param truncated whether the result had more rows than that
 */
record RowCap(List<Binding> rows, boolean truncated) {
    static final String HEADER = "X-Result-Truncated";
    static final String LIMIT_HEADER = "X-Row-Limit";

    /** Reads at most {@code limit} rows, and one more to learn whether the result goes on. */
    static RowCap take(RowSet rs, int limit) {
        List<Binding> rows = new ArrayList<>();
        while (rs.hasNext()) {
            Binding b = rs.next();
            if (rows.size() == limit) {
                return new RowCap(rows, true);
            }
            rows.add(b);
        }
        return new RowCap(rows, false);
    }
}
