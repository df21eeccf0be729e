package org.cikg.bench.jmh;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Node;
import org.cikg.sparql.CatalogQuery;
import org.cikg.sparql.SystemQuery;
import org.cikg.sparql.Terms;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The baseline every other figure of the run is divided by: the cheapest query the facade runs, the
 * {@code system/entity-exists} ASK for one entity (a read transaction, one index probe, the ARQ per-query floor).
 * Measured in the same run as the operations, so the ratios hold while the shared machine's load moves the
 * absolute times.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 5, time = 1)
public class BaselineBenchmark {
    private BenchStore bench;
    private CatalogQuery exists;
    private Map<String, Node> bindings;

    @Setup(Level.Trial)
    public void open() {
        bench = BenchStore.open();
        exists = bench.catalog.get(SystemQuery.ENTITY_EXISTS);
        bindings = Map.of("entity", Terms.entity("entity", "deepseek"));
        if (!bench.store.runner().ask(exists, bindings)) {
            throw new IllegalStateException("deepseek is not in the store: not a store the service built");
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        bench.close();
    }

    /** ASK whether deepseek is in the store. */
    @Benchmark
    public boolean entityExists() {
        return bench.store.runner().ask(exists, bindings);
    }
}
