package org.cikg.search;

import java.util.concurrent.TimeUnit;
import org.cikg.bench.jmh.BenchStore;
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
 * Search as the API answers it ({@link EntitySearch#search}: the Lucene index the load built in the store's folder,
 * then each hit dressed with its names from the store), with the answer cache bypassed (the data version moves
 * before every call). Names in Latin, Han, Arabic, Cyrillic and Hebrew script, and a prefix as autocomplete sends it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 5, time = 1)
public class SearchBenchmark {
    @Param({"DeepSeek", "hang", "深度求索", "هانغتشو", "Ханчжоу", "משרד החוץ"})
    public String q;

    private BenchStore bench;
    private DataVersion version;
    private EntitySearch search;

    @Setup(Level.Trial)
    public void open() {
        bench = BenchStore.open();
        SearchIndex index = new SearchIndex(bench.store, bench.catalog, bench.props);
        index.refresh();
        if (!index.openedFromDisk()) {
            System.out.println("The search index was built in setup, not opened from the store's folder");
        }
        version = new DataVersion();
        search = new EntitySearch(index, bench.store, bench.catalog, version);
        int found = find();
        if (found == 0) {
            throw new IllegalStateException("Search for '" + q + "' finds nothing in this store");
        }
        BenchStore.size("q=" + q, found + (found == 1 ? " result" : " results"));
    }

    @TearDown(Level.Trial)
    public void close() {
        bench.close();
    }

    /** The first page of results (10), computed afresh; how many. */
    @Benchmark
    public int find() {
        version.changed();
        return search.search(q, null, null, null, null).results().size();
    }
}
