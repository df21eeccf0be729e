package org.cikg.problem;

import org.springframework.http.HttpStatus;

/**
 * An admin call without valid credentials (401), with admin access not configured (404), or from an address that
 * failed to log in too often lately (429, with the seconds to wait).
 */
public class AdminAuthException extends RuntimeException {
    private final HttpStatus status;
    private final long retryAfterSeconds;

    public AdminAuthException(HttpStatus status, String message) {
        this(status, message, 0);
    }

    public AdminAuthException(HttpStatus status, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public HttpStatus status() {
        return status;
    }

    /** For a 429: the seconds before the address may try again. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
