package org.cikg.fuseki;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, per client address, for both admin logins (the facade's {@code /admin} calls and
 * Fuseki's {@code /update} and {@code /data}): the first {@value #FREE_FAILURES} wrong passwords in a row cost
 * nothing; after that each further one closes the door for a back-off that doubles, from 1 s up to
 * {@value #MAX_BACKOFF_SECONDS} s. While it is closed an attempt is refused without looking at the password (429
 * with {@code Retry-After}), so a guesser gets about one try a minute instead of hundreds a second. A right password
 * (when the door is open) clears the address's count. Addresses are forgotten after an hour without failures; at
 * most 100,000 are remembered.
 */
@Component
public final class LoginThrottle {
    static final int FREE_FAILURES = 5;
    static final int MAX_BACKOFF_SECONDS = 60;

    /** Failures in a row; while {@code closed}, no attempt before {@code untilNanos} ({@link System#nanoTime}). */
    private record Failures(int count, boolean closed, long untilNanos) {}

    private final Cache<String, Failures> byClient = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1))
            .maximumSize(100_000)
            .build();

    /** Seconds {@code client} must wait before it may try again; empty when it may try now. */
    public OptionalLong closedFor(String client) {
        Failures f = byClient.getIfPresent(client);
        if (f == null || !f.closed()) {
            return OptionalLong.empty();
        }
        long left = f.untilNanos() - System.nanoTime();
        return left <= 0 ? OptionalLong.empty() : OptionalLong.of(Math.max(1, (left + 999_999_999) / 1_000_000_000));
    }

    /** A wrong password (or user) from {@code client}. */
    public void failed(String client) {
        byClient.asMap().compute(client, (c, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            if (count <= FREE_FAILURES) {
                return new Failures(count, false, 0);
            }
            long seconds = Math.min(MAX_BACKOFF_SECONDS, 1L << Math.min(count - FREE_FAILURES - 1, 20));
            return new Failures(count, true, System.nanoTime() + seconds * 1_000_000_000L);
        });
    }

    /** The right credentials from {@code client}: its failures are forgotten. */
    public void succeeded(String client) {
        byClient.invalidate(client);
    }
}
