package org.cikg.problem;

/** A request value that fails validation (400); the message names the parameter. */
public class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message);
    }
}
