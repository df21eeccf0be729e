package org.cikg.problem;

/**
 * The store did not answer: a remote SPARQL endpoint refused the connection, timed out, or answered 5xx, or every
 * connection to it was busy for longer than the connect timeout. Served as 503 with {@code Retry-After}; the next
 * request tries again, so the service recovers by itself when the store returns.
 */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
