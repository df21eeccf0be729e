package org.cikg.graph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.cikg.bench.jmh.BenchStore;
import org.cikg.sparql.Terms;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The depth-2 neighbourhood export as {@code GET /api/graph?focus=X&depth=2&format=graphml} computes it before its
 * export cache: {@link NeighbourhoodExtractor} walks two hops (within the default edge limit), then
 * {@link GraphMlWriter} writes the GraphML bytes. Curated entities (DeepSeek, Hangzhou) and a synthetic city and
 * organisation of the generated graph.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 5, time = 1)
public class GraphExportBenchmark {
    /** The default of {@code kg.graph.max-edges} ({@link GraphProperties}). */
    private static final int DEFAULT_MAX_EDGES = 5000;

    @Param({"deepseek", "hangzhou", "anning-city-2", "yunguangtai-technology-129"})
    public String focus;

    private BenchStore bench;
    private NeighbourhoodExtractor extractor;
    private GraphRequest request;

    @Setup(Level.Trial)
    public void open() throws IOException {
        bench = BenchStore.open();
        extractor = new NeighbourhoodExtractor(bench.store, bench.catalog);
        request = new GraphRequest(List.of(Terms.entity("focus", focus)), 2, Set.of(), Set.of(), null, null, true,
                "en", DEFAULT_MAX_EDGES);
        SubGraph g = extractor.extract(request);
        BenchStore.size("focus=" + focus, g.nodes().size() + " nodes, " + g.edges().size() + " edges, "
                + export() / 1024 + " KB");
    }

    @TearDown(Level.Trial)
    public void close() {
        bench.close();
    }

    /** The two-hop neighbourhood, extracted and written as GraphML; its size in bytes. */
    @Benchmark
    public int export() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GraphMlWriter().write(extractor.extract(request), out);
        return out.size();
    }
}
