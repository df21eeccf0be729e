package org.cikg.store.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DataVersionCacheTest {
    private final DataVersion version = new DataVersion();

    @Test
    void computesOnceUntilInvalidated() {
        AtomicInteger calls = new AtomicInteger();
        DataVersionCache.Single<Integer> cache =
                DataVersionCache.single(version, calls::incrementAndGet, Duration.ofHours(1));
        assertThat(cache.get()).isEqualTo(1);
        assertThat(cache.get()).isEqualTo(1);
        cache.invalidate();
        assertThat(cache.get()).isEqualTo(2);
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void expiredValueIsComputedAgain() {
        AtomicInteger calls = new AtomicInteger();
        DataVersionCache.Single<Integer> cache =
                DataVersionCache.single(version, calls::incrementAndGet, Duration.ZERO);
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

    /**
     * A store that does not answer: callers that arrive while the first computation is still waiting share its
     * failure instead of each trying in turn (one timeout for all, not one each); the failure is not kept.
     */
    @Test
    void concurrentCallersShareOneComputationAndItsFailure() throws Exception {
        DataVersionCache<String, String> cache = new DataVersionCache<>(version, 10, Duration.ofHours(1));
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> cache.get("page", k -> {
            calls.incrementAndGet();
            computing.countDown();
            await(release);
            throw new IllegalStateException("store did not answer");
        }));
        assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
        AtomicReference<Thread> secondCaller = new AtomicReference<>();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(
                () -> cache.get("page", k -> {
                    calls.incrementAndGet();
                    return "second computed";
                }),
                task -> {
                    Thread t = new Thread(task, "second caller");
                    secondCaller.set(t);
                    t.start();
                });
        awaitWaitingOnAFuture(secondCaller.get());
        assertThat(second).isNotDone();
        release.countDown();
        assertThatThrownBy(first::join).hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(second::join)
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("store did not answer");
        assertThat(calls.get()).isEqualTo(1);
        assertThat(cache.get("page", k -> "answered")).isEqualTo("answered");
    }

    /**
     * Returns once {@code caller} is parked in a {@link CompletableFuture} wait, that is, inside {@code get} waiting on
     * the computation already under way; fails after 10 s. Without this the second caller might only arrive after the
     * first has failed, and compute afresh.
     */
    private static void awaitWaitingOnAFuture(Thread caller) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(caller.getState() == Thread.State.WAITING
                && Arrays.stream(caller.getStackTrace())
                        .anyMatch(f -> f.getClassName().equals(CompletableFuture.class.getName())))) {
            assertThat(System.nanoTime())
                    .as("the second caller waits on the first computation")
                    .isLessThan(deadline);
            Thread.sleep(5); // polling for the state above, not a guess at how long it takes
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
