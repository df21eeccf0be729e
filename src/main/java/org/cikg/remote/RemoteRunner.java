package org.cikg.remote;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.apache.jena.sparql.exec.http.QuerySendMode;
import org.cikg.core.BoundQuery;
import org.cikg.sparql.CatalogQuery;
import org.cikg.sparql.QueryRunner;
import org.cikg.sparql.Table;

/**
 * Runs catalogue queries on a remote SPARQL 1.1 endpoint. Request values are bound into the parsed query
 * ({@link BoundQuery#substituted}) before it is serialised and sent, exactly as the embedded runner substitutes
 * them: no request text ever reaches the query string. Every request names the dataset with the
 * protocol's {@code default-graph-uri} (the four graphs, so the default graph is their merge, as in the embedded
 * store's union default graph) and {@code named-graph-uri} (the same four, for {@code GRAPH} patterns), so the
 * queries need no store-specific union-graph setting. Results are read completely before the call returns.
 */
public final class RemoteRunner implements QueryRunner {
    private final RemoteEndpoint endpoint;
    private final List<String> graphs;
    private final Duration timeout;

    /**
     * @param endpoint the connection
     * @param graphs   the named graphs whose merge is the default graph
     * @param timeout  the facade's query limit (the HTTP read timeout also applies)
     */
    public RemoteRunner(RemoteEndpoint endpoint, List<Node> graphs, Duration timeout) {
        this.endpoint = endpoint;
        this.graphs = graphs.stream().map(Node::getURI).toList();
        this.timeout = timeout;
    }

    @Override
    public Table select(CatalogQuery q, Map<String, Node> bindings) {
        return endpoint.call(q.name(), () -> {
            try (QueryExec exec = build(q, bindings, limit(timeout))) {
                return Table.read(exec.select());
            }
        });
    }

    @Override
    public Table selectInTxn(CatalogQuery q, Map<String, Node> bindings) {
        return select(q, bindings);
    }

    @Override
    public void forEachRow(CatalogQuery q, Map<String, Node> bindings, Duration limit, Consumer<Binding> each) {
        endpoint.call(q.name(), () -> {
            try (QueryExec exec = build(q, bindings, limit(limit))) {
                exec.select().forEachRemaining(each);
            }
            return null;
        });
    }

    @Override
    public Graph construct(CatalogQuery q, Map<String, Node> bindings) {
        return endpoint.call(q.name(), () -> {
            try (QueryExec exec = build(q, bindings, limit(timeout))) {
                return q.query().isDescribeType() ? exec.describe() : exec.construct();
            }
        });
    }

    @Override
    public boolean ask(CatalogQuery q, Map<String, Node> bindings) {
        return endpoint.call(q.name(), () -> {
            try (QueryExec exec = build(q, bindings, limit(timeout))) {
                return exec.ask();
            }
        });
    }

    /** No transactions over HTTP: each query in {@code work} sees the store as it is when it runs. */
    @Override
    public <T> T read(Supplier<T> work) {
        return work.get();
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    /** The HTTP limit of one query: the longer of the query limit and the configured read timeout. */
    private Duration limit(Duration queryLimit) {
        return queryLimit.compareTo(endpoint.readTimeout()) > 0 ? queryLimit : endpoint.readTimeout();
    }

    private QueryExec build(CatalogQuery q, Map<String, Node> bindings, Duration limit) {
        Query bound = BoundQuery.substituted(q.query(), bindings);
        QueryExecHTTPBuilder b = QueryExecHTTPBuilder.service(endpoint.config().queryEndpoint())
                .httpClient(endpoint.http())
                .query(bound)
                // An HTML-form POST: every SPARQL 1.1 store takes it (Virtuoso 7 closes the connection on a
                // POST of application/sparql-query), and long queries do not hit URL length limits.
                .sendMode(QuerySendMode.asPostForm)
                .timeout(limit.toMillis(), TimeUnit.MILLISECONDS);
        for (String g : graphs) {
            b.addDefaultGraphURI(g);
            b.addNamedGraphURI(g);
        }
        return b.build();
    }
}
