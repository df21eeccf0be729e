package org.cikg.problem;

/**
 * An operation on the embedded TDB2 files (backup, restore, compaction, bulk load) asked of a service whose store is
 * remote ({@code kg.store.mode=remote}): refused before anything is touched, with what to use instead (409 over HTTP,
 * a one-line message and exit 1 on the command line).
 */
public class EmbeddedOnlyException extends RuntimeException {
    public EmbeddedOnlyException(String message) {
        super(message);
    }
}
