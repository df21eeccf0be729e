package org.cikg.replication;

import java.time.Duration;
import java.time.Instant;

/**
 * What a replica knows about where it stands, for health and the benchmark: the change it has applied (its sequence,
 * the log offset of its last record, when the writer committed it and when it was applied here), how far it has read
 * the log, the log's end as last seen, and since when it has been behind it.
 */
final class ReplicaStatus {
    private volatile long appliedSequence;
    private volatile long appliedOffset = -1;
    private volatile Instant committedAt;
    private volatile Instant appliedAt;
    private volatile long consumedOffset = -1;
    private volatile long endOffset = -1;
    private volatile Instant endCheckedAt;
    private volatile Instant behindSince;
    private volatile String brokerError;
    private volatile Instant brokerErrorSince;
    private volatile String bootstrap = "not started";
    private volatile boolean ready;
    private volatile String lastError;

    synchronized void started(LogPosition.Position p, String how) {
        appliedSequence = p.sequence();
        appliedOffset = p.offset();
        consumedOffset = Math.max(consumedOffset, p.offset());
        bootstrap = how;
        ready = true;
    }

    void bootstrapping(String what) {
        bootstrap = what;
    }

    synchronized void applied(Change c, long offset) {
        appliedSequence = c.sequence();
        appliedOffset = offset;
        committedAt = c.committedAt();
        appliedAt = Instant.now();
        lastError = null;
    }

    synchronized void resynced(LogPosition.Position p) {
        appliedSequence = p.sequence();
        appliedOffset = p.offset();
        consumedOffset = p.offset();
        appliedAt = Instant.now();
    }

    synchronized void consumed(long offset) {
        consumedOffset = Math.max(consumedOffset, offset);
        refreshBehind();
    }

    synchronized void logEnd(long end) {
        endOffset = end;
        endCheckedAt = Instant.now();
        brokerError = null;
        brokerErrorSince = null;
        refreshBehind();
    }

    synchronized void brokerUnreachable(String why) {
        if (brokerError == null) {
            brokerErrorSince = Instant.now();
        }
        brokerError = why;
    }

    void failed(String why) {
        lastError = why;
    }

    private void refreshBehind() {
        if (endOffset < 0) {
            return;
        }
        if (recordsBehind() > 0) {
            if (behindSince == null) {
                behindSince = Instant.now();
            }
        } else {
            behindSince = null;
        }
    }

    long appliedSequence() {
        return appliedSequence;
    }

    long appliedOffset() {
        return appliedOffset;
    }

    long consumedOffset() {
        return consumedOffset;
    }

    long endOffset() {
        return endOffset;
    }

    Instant endCheckedAt() {
        return endCheckedAt;
    }

    Instant committedAt() {
        return committedAt;
    }

    Instant appliedAt() {
        return appliedAt;
    }

    String brokerError() {
        return brokerError;
    }

    Instant brokerErrorSince() {
        return brokerErrorSince;
    }

    String bootstrap() {
        return bootstrap;
    }

    boolean ready() {
        return ready;
    }

    String lastError() {
        return lastError;
    }

    /** Records of the log not read yet (as of the last look at its end; 0 before the first). */
    long recordsBehind() {
        return endOffset < 0 ? 0 : Math.max(0, endOffset - (consumedOffset + 1));
    }

    /** How long the replica has been behind the log's end (zero when it has read all of it). */
    Duration lag() {
        Instant since = behindSince;
        return since == null ? Duration.ZERO : Duration.between(since, Instant.now());
    }
}
