package org.cikg.problem;

/** A load that could not complete; the store keeps what it had. The message names the file and line. */
public class DataLoadException extends RuntimeException {
    public DataLoadException(String message) {
        super(message);
    }

    public DataLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
