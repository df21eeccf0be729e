package org.cikg.sparql;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * Runs catalogue queries with request values bound as RDF terms, against whichever store the service is configured
 * with ({@code kg.store.mode}): the embedded TDB2 dataset ({@link SparqlRunner}) or a remote SPARQL 1.1 endpoint
 * ({@code org.cikg.remote.RemoteRunner}). The facade talks only to this interface.
 *
 * <pre>{@code
 * List<Row> rows = store.runner().read(() -> {
 *     Table a = store.runner().selectInTxn(catalog.get(SystemQuery.GRAPH_LINKS), Map.of("node", n));
 *     ...  // further queries see the same snapshot when embedded
 * });
 * }</pre>
 */
public interface QueryRunner {

    /** A SELECT, rows fully read. */
    Table select(CatalogQuery q, Map<String, Node> bindings);

    /** A SELECT inside {@link #read}; rows fully read. Remote stores have no transactions: the same as select. */
    Table selectInTxn(CatalogQuery q, Map<String, Node> bindings);

    /** A SELECT whose rows go to {@code each} one by one; {@code limit} replaces the usual timeout. */
    void forEachRow(CatalogQuery q, Map<String, Node> bindings, Duration limit, Consumer<Binding> each);

    /** A CONSTRUCT or DESCRIBE, fully materialised. */
    Graph construct(CatalogQuery q, Map<String, Node> bindings);

    /** An ASK. */
    boolean ask(CatalogQuery q, Map<String, Node> bindings);

    /**
     * Runs several queries as one read: a read transaction (one consistent snapshot) on the embedded store, a plain
     * call on a remote one (each query sees the store as it is when it runs).
     */
    <T> T read(Supplier<T> work);

    /** The limit of every facade query. */
    Duration timeout();
}
