package org.cikg.bench.jmh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.cikg.asof.ValidityOracle;
import org.cikg.asof.YearView;
import org.cikg.config.KgProperties;
import org.cikg.explain.Explainer;
import org.cikg.sparql.QueryCatalog;
import org.cikg.store.KnowledgeStore;
import org.cikg.store.version.DataVersion;

/**
 * The existing TDB2 store a benchmark fork reads, opened as the service opens it ({@link KnowledgeStore}: union
 * default graph, the query catalogue of {@code queries/}), without Spring, Fuseki or any cache in front. Nothing
 * writes to it. The folder comes from {@code -Djmh.store=} (a store {@code load --file} built, with its search index);
 * {@code -Djmh.queries=} names the queries folder (default {@code queries}).
 *
 * <p>One per JMH fork: TDB2 allows one JVM per store, and JMH runs forks one after the other.
 */
public final class BenchStore implements AutoCloseable {
    /** A query limit far above any operation measured, so a slow one is measured rather than cut. */
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    public final KgProperties props;
    public final QueryCatalog catalog;
    public final KnowledgeStore store;

    private BenchStore(Path location, Path queries) {
        this.props = new KgProperties(new KgProperties.Store(location, Path.of("ontology"), Path.of("data")),
                new KgProperties.Sparql(TIMEOUT, queries), new KgProperties.Fuseki(false, 0),
                new KgProperties.Admin("admin", ""));
        this.catalog = new QueryCatalog(props);
        this.store = new KnowledgeStore(props, catalog);
    }

    /** Opens the store {@code -Djmh.store} names; refuses a missing or empty one (a benchmark over nothing). */
    public static BenchStore open() {
        String location = System.getProperty("jmh.store");
        if (location == null || location.isBlank() || !Files.isDirectory(Path.of(location))) {
            throw new IllegalStateException("-Djmh.store must name an existing TDB2 store built by the service "
                    + "(bench/jmh.sh builds one); got " + location);
        }
        BenchStore s = new BenchStore(Path.of(location), Path.of(System.getProperty("jmh.queries", "queries")));
        long triples = s.store.status().triples();
        if (triples == 0) {
            s.close();
            throw new IllegalStateException("The store at " + location + " is empty: load it first (bench/jmh.sh)");
        }
        return s;
    }

    /** The as-of view over this store, its caches keyed by {@code version}. */
    public YearView yearView(DataVersion version) {
        return new YearView(store, new ValidityOracle(store, new Explainer(store, catalog, props, version), version));
    }

    /**
     * Tells the report how big an operation's input or answer is (rows, nodes, triples): a line of the run's output
     * that {@code JmhReport} finds by its tab-separated form {@code size<TAB>param=value<TAB>text}.
     */
    public static void size(String param, String text) {
        System.out.println("size\t" + param + "\t" + text);
    }

    @Override
    public void close() {
        store.destroy();
    }
}
