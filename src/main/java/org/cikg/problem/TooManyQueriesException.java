package org.cikg.problem;

/**
 * A query refused because the limits on queries running at once are reached, in all or for the client's address
 * ({@code kg.sparql.max-concurrent}, {@code kg.sparql.max-concurrent-per-client}): 503 with {@link #RETRY_AFTER_SECONDS}.
 */
public class TooManyQueriesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The {@code Retry-After} a refusal carries, in seconds. */
    public static final String RETRY_AFTER_SECONDS = "2";

    public TooManyQueriesException(String message) {
        super(message);
    }
}
