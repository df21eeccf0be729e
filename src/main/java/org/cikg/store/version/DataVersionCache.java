package org.cikg.store.version;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Values derived from the store's contents (class counts, assembled entity pages, RDF documents), kept until the
 * data changes: each entry is keyed by the {@link DataVersion} it was computed under, so after a load or an admin
 * update the next request computes afresh. Bounded (Caffeine, least recently and frequently used entries go first)
 * and with a time-to-live, which bounds how long a change the process cannot see (a remote store written by someone
 * else) can stay unseen. Aggregates over the whole graph cost hundreds of milliseconds at a million triples and an
 * entity page several queries; a page that shows them should not pay that on every request.
 *
 * <pre>{@code
 * DataVersionCache<String, EntityPage> pages = new DataVersionCache<>(version, 10_000, Duration.ofMinutes(10));
 * EntityPage p = pages.get(slug, s -> assemble(s));
 * }</pre>
 *
 * @param <K> what a value is computed from (besides the data)
 * @param <V> the cached value
 */
public final class DataVersionCache<K, V> {
    private final DataVersion version;
    private final AsyncCache<Versioned<K>, V> cache;
    private volatile long seen = Long.MIN_VALUE;

    private record Versioned<K>(long version, K key) {}

    public DataVersionCache(DataVersion version, long maxEntries, Duration ttl) {
        this.version = version;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(ttl)
                .buildAsync();
    }

    /** Bounded by the total {@code weight} of its values (rows, bytes) rather than by their number. */
    public DataVersionCache(
            DataVersion version, long maxWeight, java.util.function.ToIntFunction<V> weight, Duration ttl) {
        this.version = version;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxWeight)
                .<Versioned<K>, V>weigher((k, v) -> weight.applyAsInt(v))
                .expireAfterWrite(ttl)
                .buildAsync();
    }

    /** A cache of one value (a whole-store aggregate). */
    public static <V> Single<V> single(DataVersion version, Supplier<V> compute, Duration ttl) {
        return new Single<>(new DataVersionCache<>(version, 1, ttl), compute);
    }

    /**
     * The value for {@code key} under the current data version, computed once per version: concurrent callers for the
     * same key wait for the one computation (no herd on a cold page or a whole-store aggregate) and share its outcome,
     * a failure included, so when the store does not answer they all fail together after one timeout rather than one
     * after another. The computation runs in the calling thread, outside the cache's locks; a failed or null result
     * is not kept.
     */
    public V get(K key, Function<? super K, ? extends V> compute) {
        long v = version.current();
        if (v != seen) {
            // Entries of older versions are never read again: drop them now rather than let them age out.
            seen = v;
            cache.synchronous().invalidateAll();
        }
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> shared = cache.get(new Versioned<>(v, key), (k, executor) -> mine);
        if (shared == mine) {
            try {
                mine.complete(compute.apply(key));
            } catch (RuntimeException | Error e) {
                // Handed to the waiters inside a cancellation: Caffeine drops a cancelled entry without logging a
                // stack trace per failure (a store outage would otherwise log one per request); the handler of the
                // failure (ProblemAdvice) logs it once.
                CancellationException failed = new CancellationException(e.getMessage());
                failed.initCause(e);
                mine.completeExceptionally(failed);
                throw e;
            }
        }
        try {
            return shared.join();
        } catch (CancellationException | CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Forget every value; the next {@link #get} computes again. */
    public void invalidate() {
        cache.synchronous().invalidateAll();
    }

    /** How many values are held (for tests and metrics). */
    public long size() {
        cache.synchronous().cleanUp();
        return cache.synchronous().estimatedSize();
    }

    /**
     * One value derived from the whole store.
     *
     * @param <V> the value
     */
    public static final class Single<V> {
        private final DataVersionCache<Boolean, V> cache;
        private final Supplier<V> compute;

        Single(DataVersionCache<Boolean, V> cache, Supplier<V> compute) {
            this.cache = cache;
            this.compute = compute;
        }

        public V get() {
            return cache.get(Boolean.TRUE, k -> compute.get());
        }

        public void invalidate() {
            cache.invalidate();
        }
    }
}
