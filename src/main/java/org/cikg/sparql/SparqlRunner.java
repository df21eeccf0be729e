package org.cikg.sparql;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecDatasetBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.Symbol;
import org.apache.jena.system.Txn;
import org.cikg.problem.QueryTimeoutException;

/**
 * The one place the facade runs SPARQL. Values enter only as RDF terms substituted into the parsed query
 * ({@code substitution(var, node)}), never as text; every execution has the timeout, and is aborted at it
 * ({@link RunningQueries}); sorts spill as on the endpoints ({@link QueryBounds}). This is the embedded store's
 * {@link QueryRunner}.
 */
public final class SparqlRunner implements QueryRunner {
    private final DatasetGraph dataset;
    private final Duration timeout;
    /** Set in every execution's context (a TDB2 tuple filter for the as-of view); null: none. */
    private final Symbol contextKey;

    private final Object contextValue;

    public SparqlRunner(DatasetGraph dataset, Duration timeout) {
        this(dataset, timeout, null, null);
    }

    private SparqlRunner(DatasetGraph dataset, Duration timeout, Symbol contextKey, Object contextValue) {
        this.dataset = dataset;
        this.timeout = timeout;
        this.contextKey = contextKey;
        this.contextValue = contextValue;
    }

    /**
     * The same runner with {@code key} set to {@code value} in the context of every query it runs: how a view of the
     * store that TDB2 applies while it scans (its tuple filter, {@code SystemTDB.symTupleFilter}) reaches the queries.
     */
    public SparqlRunner withContext(Symbol key, Object value) {
        return new SparqlRunner(dataset, timeout, key, value);
    }

    /** Runs a SELECT in its own read transaction and returns the rows, fully read. */
    @Override
    public Table select(CatalogQuery q, Map<String, Node> bindings) {
        return Txn.calculateRead(dataset, () -> selectInTxn(q, bindings));
    }

    /**
     * Runs a SELECT inside the caller's transaction, rows fully read. TDB2 rows resolve their nodes lazily from the
     * node table: {@link Table#read} copies every value while the transaction is open, or a value not in the node
     * cache is silently lost once it ends (seen: a "hedged" certainty going missing).
     */
    @Override
    public Table selectInTxn(CatalogQuery q, Map<String, Node> bindings) {
        return run(q, build(q, bindings, timeout), timeout, exec -> Table.read(exec.select()));
    }

    /**
     * Runs a SELECT in its own read transaction and hands each row to {@code each} as it is produced, without
     * collecting the rows: for reading large results (building an index) in constant memory. {@code limit} replaces
     * the configured timeout, since such a read may legitimately take longer than a user's query.
     */
    public void forEachRow(
            CatalogQuery q, Map<String, Node> bindings, Duration limit, java.util.function.Consumer<Binding> each) {
        Txn.executeRead(dataset, () -> {
            run(q, build(q, bindings, limit), limit, exec -> {
                RowSet rows = exec.select();
                while (rows.hasNext()) {
                    each.accept(rows.next());
                }
                return null;
            });
        });
    }

    /** Runs a CONSTRUCT or DESCRIBE in a read transaction; the graph is fully materialised. */
    public org.apache.jena.graph.Graph construct(CatalogQuery q, Map<String, Node> bindings) {
        return Txn.calculateRead(
                dataset,
                () -> run(
                        q,
                        build(q, bindings, timeout),
                        timeout,
                        exec -> q.query().isDescribeType() ? exec.describe() : exec.construct()));
    }

    /** Runs an ASK in a read transaction. */
    public boolean ask(CatalogQuery q, Map<String, Node> bindings) {
        return Txn.calculateRead(dataset, () -> run(q, build(q, bindings, timeout), timeout, QueryExec::ask));
    }

    private QueryExec build(CatalogQuery q, Map<String, Node> bindings, Duration limit) {
        QueryExecDatasetBuilder b = QueryExecDatasetBuilder.create()
                .dataset(dataset)
                .query(q.query())
                .timeout(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (contextKey != null) {
            b.set(contextKey, contextValue);
        }
        bindings.forEach((name, node) -> b.substitution(Var.alloc(name), node));
        return b.build();
    }

    /**
     * Runs {@code body} on {@code exec}, registered with {@link RunningQueries} (aborted at {@code limit}), and closes
     * both. A cancel, or any failure after an abort, is the {@link QueryTimeoutException}.
     */
    private static <T> T run(CatalogQuery q, QueryExec exec, Duration limit, Function<QueryExec, T> body) {
        RunningQueries.Running running = RunningQueries.start(exec, limit);
        try (exec) {
            return body.apply(exec);
        } catch (QueryCancelledException e) {
            throw new QueryTimeoutException(q.name(), limit, e);
        } catch (RuntimeException e) {
            if (running.aborted()) {
                throw new QueryTimeoutException(q.name(), limit, e);
            }
            throw e;
        } finally {
            running.close();
        }
    }

    /** One read transaction around {@code work}: every query in it sees the same snapshot. */
    @Override
    public <T> T read(java.util.function.Supplier<T> work) {
        return Txn.calculateRead(dataset, work);
    }

    @Override
    public Duration timeout() {
        return timeout;
    }
}
