package org.cikg.store.load;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a load did.
 *
 * @param loaded        false when the files were unchanged and nothing was read
 * @param files         files read
 * @param assertedTriples triples read from the files
 * @param inferredTriples triples the rules added
 * @param totalTriples  triples in the union default graph afterwards
 * @param hash          the data hash now in the store
 * @param loadedAt      when the store's contents were loaded
 * @param elapsed       how long this call took
 * @param findings      report lines that did not stop the load (curated places the gazetteer contradicts)
 */
public record LoadReport(
        boolean loaded,
        int files,
        long assertedTriples,
        long inferredTriples,
        long totalTriples,
        String hash,
        Instant loadedAt,
        Duration elapsed,
        List<String> findings) {

    /** A report without findings. */
    public LoadReport(
            boolean loaded,
            int files,
            long assertedTriples,
            long inferredTriples,
            long totalTriples,
            String hash,
            Instant loadedAt,
            Duration elapsed) {
        this(loaded, files, assertedTriples, inferredTriples, totalTriples, hash, loadedAt, elapsed, List.of());
    }

    public double triplesPerSecond() {
        double s = Math.max(elapsed.toNanos(), 1) / 1e9;
        return assertedTriples / s;
    }
}
