package org.cikg.store;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * One value derived from the whole store (class counts, source summaries), kept until the data changes: a
 * {@link StoreLoaded} event drops it, and so does its time-to-live, which bounds how long a change made through the
 * admin SPARQL Update endpoint (which publishes no event) can stay unseen. Aggregates over the whole graph cost
 * hundreds of milliseconds at a million triples; pages that show them should not pay that on every request.
 *
 * @param <T> the cached value
 */
public final class DataVersionCache<T> {
    private final Supplier<T> compute;
    private final long ttlNanos;
    private volatile Entry<T> entry;

    private record Entry<T>(T value, long computedAt) {
    }

    public DataVersionCache(Supplier<T> compute, Duration ttl) {
        this.compute = compute;
        this.ttlNanos = ttl.toNanos();
    }

    public T get() {
        Entry<T> e = entry;
        long now = System.nanoTime();
        if (e == null || now - e.computedAt() > ttlNanos) {
            e = new Entry<>(compute.get(), now);
            entry = e;
        }
        return e.value();
    }

    /** Forget the value; the next {@link #get()} computes it again. */
    public void invalidate() {
        entry = null;
    }
}
