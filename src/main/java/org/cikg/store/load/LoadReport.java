package org.cikg.store.load;

import java.time.Duration;
import java.time.Instant;

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
 */
public record LoadReport(boolean loaded, int files, long assertedTriples, long inferredTriples, long totalTriples,
                         String hash, Instant loadedAt, Duration elapsed) {

    public double triplesPerSecond() {
        double s = Math.max(elapsed.toNanos(), 1) / 1e9;
        return assertedTriples / s;
    }
}
