package org.cikg.store.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.apache.jena.tdb2.DatabaseMgr;
import org.cikg.config.KgProperties;
import org.cikg.store.KnowledgeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Compacts the TDB2 store (TDB2 never reclaims space: every load and update adds to the {@code Data-NNNN}
 * generation until it is copied into a fresh one). Runs live: readers and writers continue, and the switch to the
 * new generation is atomic. An interrupted compaction leaves a {@code Data-NNNN-tmp} folder, which the next
 * start-up removes ({@link KnowledgeStore} opens with {@code DatabaseMgr.connectDatasetGraph}).
 */
@Component
public class StoreCompaction {
    private static final Logger LOG = LoggerFactory.getLogger(StoreCompaction.class);

    private final KnowledgeStore store;
    private final Path location;

    public StoreCompaction(KnowledgeStore store, KgProperties props) {
        this.store = store;
        this.location = props.store().location();
    }

    /** What a compaction did: the generation folder before and after, and the store's size on disk. */
    public record CompactionReport(String before, String after, long bytesBefore, long bytesAfter, Duration elapsed) {}

    public synchronized CompactionReport compact() {
        store.requireEmbedded(
                "Compaction",
                "compact with the store's own tools (Fuseki: POST /$/compact/{name}; "
                        + "Virtuoso reclaims space at its checkpoints)");
        long t0 = System.nanoTime();
        String before = currentGeneration();
        long sizeBefore = sizeOf(location);
        DatabaseMgr.compact(store.dataset(), true);
        CompactionReport r = new CompactionReport(
                before, currentGeneration(), sizeBefore, sizeOf(location), Duration.ofNanos(System.nanoTime() - t0));
        LOG.info(
                "Compacted {} -> {}: {} -> {} bytes in {} ms",
                r.before(),
                r.after(),
                r.bytesBefore(),
                r.bytesAfter(),
                r.elapsed().toMillis());
        return r;
    }

    private String currentGeneration() {
        try (Stream<Path> s = Files.list(location)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("Data-\\d{4}"))
                    .sorted()
                    .reduce((a, b) -> b)
                    .orElse("none");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long sizeOf(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
