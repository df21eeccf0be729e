package org.cikg.query;

import java.util.List;
import org.apache.jena.sparql.engine.binding.Binding;
import org.cikg.sparql.Table;

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

    /** The first {@code limit} rows of {@code table}, and whether it has more. */
    static RowCap take(Table table, int limit) {
        List<Binding> rows = table.rows();
        return rows.size() > limit ? new RowCap(rows.subList(0, limit), true) : new RowCap(rows, false);
    }
}
