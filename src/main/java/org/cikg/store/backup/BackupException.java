package org.cikg.store.backup;

/** A backup that cannot be restored: missing or wrong checksum, or content that does not parse. */
public class BackupException extends RuntimeException {
    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
