package org.cikg.problem;

/** No catalogue query has that name (404). */
public class UnknownQueryException extends RuntimeException {
    public UnknownQueryException(String name) {
        super("No query named '" + name + "' in the catalogue");
    }
}
