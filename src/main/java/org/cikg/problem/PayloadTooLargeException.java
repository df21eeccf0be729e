package org.cikg.problem;

/** A request whose answer or body would exceed a size limit (413); the message says how to narrow it. */
public class PayloadTooLargeException extends RuntimeException {
    public PayloadTooLargeException(String message) {
        super(message);
    }
}
