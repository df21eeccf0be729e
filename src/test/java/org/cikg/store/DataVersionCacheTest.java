package org.cikg.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DataVersionCacheTest {

    @Test
    void computesOnceUntilInvalidated() {
        AtomicInteger calls = new AtomicInteger();
        DataVersionCache<Integer> cache = new DataVersionCache<>(calls::incrementAndGet, Duration.ofHours(1));
        assertThat(cache.get()).isEqualTo(1);
        assertThat(cache.get()).isEqualTo(1);
        cache.invalidate();
        assertThat(cache.get()).isEqualTo(2);
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void expiredValueIsComputedAgain() {
        AtomicInteger calls = new AtomicInteger();
        DataVersionCache<Integer> cache = new DataVersionCache<>(calls::incrementAndGet, Duration.ZERO);
        cache.get();
        cache.get();
        assertThat(calls.get()).isEqualTo(2);
    }
}
