package org.cikg.sparql;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;

/**
 * The answer of a SELECT, read completely: its variables in order and its rows. Immutable, so it can be cached,
 * shared between threads and read more than once; this is what every {@link QueryRunner} returns, whatever store
 * answered. Jena's result writers take {@link #rowSet()}, a fresh reading of the same rows.
 *
 * <pre>{@code
 * Table t = runner.select(catalog.get(SystemQuery.SOURCES), Map.of());
 * for (Binding b : t) { ... }
 * t.first().map(b -> b.get("n"))
 * }</pre>
 *
 * @param vars the result variables, in the query's order
 * @param rows the rows, in the answer's order; each binding complete (no value left to fetch from a store)
 */
public record Table(List<Var> vars, List<Binding> rows) implements Iterable<Binding> {
    public Table {
        vars = List.copyOf(vars);
        rows = List.copyOf(rows);
    }

    /**
     * Reads every row of {@code rs}, copying each binding so that no value is left to be resolved later (TDB2 rows
     * resolve their nodes lazily from the node table, which only works while the read transaction is open).
     */
    public static Table read(RowSet rs) {
        List<Binding> rows = new ArrayList<>();
        while (rs.hasNext()) {
            rows.add(BindingFactory.copy(rs.next()));
        }
        return new Table(rs.getResultVars(), rows);
    }

    @Override
    public Iterator<Binding> iterator() {
        return rows.iterator();
    }

    public Stream<Binding> stream() {
        return rows.stream();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public int size() {
        return rows.size();
    }

    /** The first row, if any. */
    public Optional<Binding> first() {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** A new {@link RowSet} over the rows, for Jena's result writers. */
    public RowSet rowSet() {
        return RowSetStream.create(vars, rows.iterator());
    }
}
