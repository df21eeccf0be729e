package org.cikg.query;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cikg.bench.jmh.BenchStore;
import org.cikg.sparql.CatalogQuery;
import org.cikg.store.version.DataVersion;
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
 * Each public canned question ({@code queries/*.rq}) with the example parameters of its header, as the REST API
 * runs it ({@link QuestionRunner#run}: parameters bound by declared type, the query run, every row read) but with its
 * answer cache bypassed: the data version moves before every call, so every call computes the answer afresh.
 * {@code bench/jmh.sh} passes the names of all public questions as {@code -p question=...}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 5, time = 1)
public class QuestionBenchmark {
    @Param({"claim-sources", "company-profile", "connections", "indicators-compare", "organisations-in-place",
            "people-posts", "place-profile", "policies-of-place", "policy-beneficiaries", "policy-diffusion",
            "source-entities", "timeline"})
    public String question;

    private BenchStore bench;
    private DataVersion version;
    private QuestionRunner runner;
    private Map<String, List<String>> params;

    @Setup(Level.Trial)
    public void open() {
        bench = BenchStore.open();
        version = new DataVersion();
        runner = new QuestionRunner(bench.catalog, bench.store, new ParameterBinder(bench.store, bench.catalog,
                new EntitySuggestions(bench.store, bench.catalog)),
                version, bench.yearView(version));
        CatalogQuery q = runner.question(question);
        params = exampleParams(q.example());
        int rows = answer();
        if (rows == 0) {
            throw new IllegalStateException(question + " with its example " + q.example() + " answers nothing here");
        }
        BenchStore.size("question=" + question, rows + (rows == 1 ? " row" : " rows"));
    }

    @TearDown(Level.Trial)
    public void close() {
        bench.close();
    }

    /** The question answered afresh; the number of rows. */
    @Benchmark
    public int answer() {
        version.changed();
        return runner.run(question, params, null).rows().size();
    }

    /** The header's {@code # example:} (a query string) as request parameters. */
    static Map<String, List<String>> exampleParams(String example) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : example.strip().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        List.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
            }
        }
        return out;
    }
}
