package org.cikg.problem;

/** Something named in the path that does not exist (404). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
