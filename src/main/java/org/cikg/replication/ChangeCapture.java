package org.cikg.replication;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.cikg.config.KgProperties;
import org.cikg.store.StoreWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer's side of the store: every change goes through {@link CapturingDataset}, and each committed write
 * transaction becomes one {@link Change} in the outbox, numbered by the change sequence it produces (kept in the
 * store's replication graph, {@link LogPosition}, in the same transaction). A change with more operations than the
 * store holds quads afterwards (a reload that replaces most of the data) is put out as a snapshot of the store
 * instead of its patch. The outbox, the snapshots and the recordings in progress live in {@code replication/}
 * inside the store's folder.
 */
final class ChangeCapture implements StoreWrites {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeCapture.class);
    /** Below this many operations a change is always sent as its patch (counting the store is not worth it). */
    static final long SNAPSHOT_CONSIDERED = 10_000;

    private final Path folder;
    private final int keepSnapshots;
    private DatasetGraph tdb;
    private ChangeOutbox outbox;
    private SnapshotStore snapshots;
    private volatile Runnable onCommitted = () -> {};

    ChangeCapture(KgProperties props, ReplicationProperties replication) {
        this.folder = props.store().location().resolve("replication");
        this.keepSnapshots = replication.keepSnapshots();
    }

    @Override
    public synchronized DatasetGraph wrap(DatasetGraph dataset) {
        this.tdb = dataset;
        this.outbox = new ChangeOutbox(folder.resolve("outbox"));
        this.snapshots = new SnapshotStore(folder.resolve("snapshots"), keepSnapshots);
        outbox.dropAfter(LogPosition.readCommitted(dataset).sequence());
        return new CapturingDataset(dataset, this);
    }

    @Override
    public Optional<String> refusal() {
        return Optional.empty();
    }

    DatasetGraph tdb() {
        return tdb;
    }

    ChangeOutbox outbox() {
        return outbox;
    }

    SnapshotStore snapshots() {
        return snapshots;
    }

    /** Runs after each change has committed (the publisher sends it). */
    void onCommitted(Runnable action) {
        this.onCommitted = action;
    }

    /** Starts recording a write transaction's change, at its first change (before it can touch the sequence). */
    Recording newRecording(DatasetGraph dataset) {
        return new Recording(outbox.folder(), LogPosition.read(dataset).sequence());
    }

    /**
     * In the write transaction, before TDB2 commits it: numbers the change, records its number in the store, and
     * puts it in the outbox (as its patch, or as a snapshot of the store as the transaction leaves it).
     */
    Change prepare(DatasetGraph dataset, Recording recording) {
        long patchBytes = recording.finish();
        // From the start of the transaction: the change itself may have deleted the sequence (a DROP ALL, a restore).
        long sequence = recording.base + 1;
        LogPosition.setSequence(dataset, sequence);
        String form = Change.PATCH;
        String snapshot = "";
        String sha = "";
        long snapshotBytes = 0;
        long quadsAfter = -1;
        if (recording.operations() >= SNAPSHOT_CONSIDERED) {
            quadsAfter = count(dataset);
            if (recording.operations() > quadsAfter) {
                SnapshotStore.Snapshot s = snapshots.writeChange(dataset, sequence);
                form = Change.SNAPSHOT;
                snapshot = s.file().getFileName().toString();
                sha = s.sha256();
                snapshotBytes = s.bytes();
            }
        }
        Change c = new Change(
                sequence,
                recording.id,
                recording.kind(),
                form,
                recording.adds,
                recording.deletes,
                patchBytes,
                snapshot,
                sha,
                snapshotBytes,
                quadsAfter,
                Instant.now());
        outbox.put(c, recording.file);
        LOG.info(
                "Change {} ({}): +{} -{} quads, patch {} bytes{}",
                sequence,
                c.kind(),
                c.adds(),
                c.deletes(),
                patchBytes,
                c.isSnapshot()
                        ? "; larger than the store (" + quadsAfter + " quads): sent as snapshot " + snapshot + " ("
                                + snapshotBytes + " bytes)"
                        : "");
        return c;
    }

    /** The change did not commit after all: forget it. */
    void discard(Change change) {
        outbox.remove(change);
        if (change.isSnapshot()) {
            snapshots.delete(change.snapshot());
        }
    }

    void committed(Change change) {
        onCommitted.run();
    }

    private static long count(DatasetGraph dataset) {
        var it = dataset.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
        long n = 0;
        while (it.hasNext()) {
            it.next();
            n++;
        }
        return n;
    }
}
