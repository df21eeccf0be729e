package org.cikg.problem;

/**
 * A change asked of a service whose store only follows another service's changes (a read replica): refused before
 * anything is touched, with where to send it instead (409 over HTTP).
 */
public class ReadOnlyStoreException extends RuntimeException {
    public ReadOnlyStoreException(String message) {
        super(message);
    }
}
