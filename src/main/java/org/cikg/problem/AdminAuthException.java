package org.cikg.problem;

import org.springframework.http.HttpStatus;

/** An admin call without valid credentials (401), or with admin access not configured (404). */
public class AdminAuthException extends RuntimeException {
    private final HttpStatus status;

    public AdminAuthException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
