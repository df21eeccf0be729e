package org.cikg.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DataVersionCacheTest {
    private final DataVersion version = new DataVersion();

    @Test
    void computesOnceUntilInvalidated() {
        AtomicInteger calls = new AtomicInteger();
        DataVersionCache.Single<Integer> cache = DataVersionCache.single(version, calls::incrementAndGet,
                Duration.ofHours(1));
        assertThat(cache.get()).isEqualTo(1);
        assertThat(cache.get()).isEqualTo(1);
        cache.invalidate();
        assertThat(cache.get()).isEqualTo(2);
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void expiredValueIsComputedAgain() {
        AtomicInteger calls = new AtomicInteger();
        DataVersionCache.Single<Integer> cache = DataVersionCache.single(version, calls::incrementAndGet,
                Duration.ZERO);
        cache.get();
        cache.get();
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void aChangeOfTheDataVersionRecomputesEveryKey() {
        AtomicInteger calls = new AtomicInteger();
        DataVersionCache<String, String> cache = new DataVersionCache<>(version, 100, Duration.ofHours(1));
        assertThat(cache.get("a", k -> k + calls.incrementAndGet())).isEqualTo("a1");
        assertThat(cache.get("b", k -> k + calls.incrementAndGet())).isEqualTo("b2");
        assertThat(cache.get("a", k -> k + calls.incrementAndGet())).isEqualTo("a1");
        version.onLoaded(null);
        assertThat(cache.get("a", k -> k + calls.incrementAndGet())).isEqualTo("a3");
        assertThat(cache.size()).isEqualTo(1);
        version.changed();
        assertThat(cache.get("b", k -> k + calls.incrementAndGet())).isEqualTo("b4");
    }

    @Test
    void holdsAtMostItsBound() {
        DataVersionCache<Integer, Integer> cache = new DataVersionCache<>(version, 10, Duration.ofHours(1));
        for (int i = 0; i < 1000; i++) {
            cache.get(i, k -> k);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(10);
    }
}
