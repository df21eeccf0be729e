package org.cikg.replication;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.changes.RDFChangesBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cikg.store.KnowledgeStore;
import org.cikg.store.backup.StoreBackup;
import org.cikg.store.load.LoadReport;
import org.cikg.store.load.StoreLoaded;
import org.cikg.store.version.DataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.listener.MessageListener;

/**
 * Applies the change log to a replica's store, one record at a time as the listener container delivers them.
 *
 * <ul>
 *   <li>A record of a change the store already has (its sequence is not above the stored one: a record read again
 *       after a restart, or sent twice by a writer that crashed before it noted the send) is skipped.</li>
 *   <li>The records of a change are kept in a spool folder until its last one arrives; then the whole RDF Patch is
 *       parsed once to check it, and applied in <b>one TDB2 write transaction that also stores the change's sequence
 *       and the offset of its last record</b>. A kill before the commit leaves the previous change and its offset,
 *       so the change is read again and applied; a kill after it leaves the new offset, so it is not.</li>
 *   <li>A change sent as a snapshot is fetched from the writer, checked against its SHA-256 and restored in one write
 *       transaction that stores the sequence and offset too.</li>
 *   <li>A sequence that skips one (records the log no longer holds) makes the replica start again from the writer's
 *       current snapshot and seek past it; without a writer to ask, the record fails and is retried.</li>
 * </ul>
 *
 * After each change, what derives from the data follows as it does for a local load: a {@code load} change is
 * announced as {@link StoreLoaded} (the search index is rebuilt, caches move on), an {@code update} moves the
 * {@link DataVersion}. A failure throws, and the container's error handler delivers the record again after
 * {@code kg.replication.retry}.
 */
final class ChangeApplier implements MessageListener<String, byte[]>, ConsumerSeekAware {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeApplier.class);

    private final KnowledgeStore store;
    private final StoreBackup backups;
    private final SnapshotClient snapshots;
    private final ApplicationEventPublisher events;
    private final DataVersion version;
    private final ReplicationProperties props;
    private final ReplicaStatus status;
    private final Path spool;
    private volatile ConsumerSeekCallback seeks;

    ChangeApplier(
            KnowledgeStore store,
            StoreBackup backups,
            SnapshotClient snapshots,
            ApplicationEventPublisher events,
            DataVersion version,
            ReplicationProperties props,
            ReplicaStatus status,
            Path spool) {
        this.store = store;
        this.backups = backups;
        this.snapshots = snapshots;
        this.events = events;
        this.version = version;
        this.props = props;
        this.status = status;
        this.spool = spool;
    }

    @Override
    public void registerSeekCallback(ConsumerSeekCallback callback) {
        this.seeks = callback;
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        try {
            handle(record);
        } catch (RuntimeException e) {
            status.failed(e.toString());
            LOG.warn(
                    "Change log record at offset {} not applied ({}); retrying in {}",
                    record.offset(),
                    e.toString(),
                    props.retry());
            throw e;
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        Change c = Change.fromHeaders(record.headers());
        int chunk = Change.header(record.headers(), Change.CHUNK);
        int chunks = Change.header(record.headers(), Change.CHUNKS);
        long have = status.appliedSequence();
        if (c.sequence() <= have) {
            LOG.debug("Skipping change {} at offset {}: the store has change {}", c.sequence(), record.offset(), have);
            status.consumed(record.offset());
            return;
        }
        if (c.sequence() > have + 1) {
            resync("the log goes from change " + have + " to change " + c.sequence());
            return;
        }
        if (c.isSnapshot()) {
            applySnapshot(c, record.offset());
        } else {
            Path folder = spool.resolve(c.id());
            SpoolFiles.write(folder.resolve(String.format("%08d", chunk)), record.value());
            if (chunk == chunks - 1) {
                applyPatch(c, folder, chunks, record.offset());
            }
        }
        status.consumed(record.offset());
    }

    private void applyPatch(Change c, Path folder, int chunks, long offset) {
        List<Path> parts = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            Path p = folder.resolve(String.format("%08d", i));
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException(
                        "Change " + c.sequence() + " lacks record " + (i + 1) + " of " + chunks);
            }
            parts.add(p);
        }
        long t0 = System.nanoTime();
        LOG.info(
                "Applying change {} ({}): +{} -{} quads from {} record(s)",
                c.sequence(),
                c.kind(),
                c.adds(),
                c.deletes(),
                chunks);
        // Parsed once outside the transaction: a bad record must never abort a large TDB2 write transaction (the
        // store's node table is not safe to write again in this JVM after that).
        long[] counted = new long[2];
        SpoolFiles.read(parts, new RDFChangesBase() {
            @Override
            public void add(Node g, Node s, Node p, Node o) {
                counted[0]++;
            }

            @Override
            public void delete(Node g, Node s, Node p, Node o) {
                counted[1]++;
            }
        });
        if (counted[0] != c.adds() || counted[1] != c.deletes()) {
            throw new IllegalStateException("Change " + c.sequence() + " holds +" + counted[0] + " -" + counted[1]
                    + " quads, its headers say +" + c.adds() + " -" + c.deletes());
        }
        DatasetGraph dsg = store.dataset();
        Txn.executeWrite(dsg, () -> {
            SpoolFiles.read(parts, new RDFChangesBase() {
                @Override
                public void add(Node g, Node s, Node p, Node o) {
                    dsg.add(Recording.graph(g), s, p, o);
                }

                @Override
                public void delete(Node g, Node s, Node p, Node o) {
                    dsg.delete(Recording.graph(g), s, p, o);
                }
            });
            LogPosition.setSequence(dsg, c.sequence());
            LogPosition.setOffset(dsg, offset);
        });
        status.applied(c, offset);
        LOG.info(
                "Applied change {} (offset {}) in {} ms, {} ms after the writer committed it",
                c.sequence(),
                offset,
                (System.nanoTime() - t0) / 1_000_000,
                Duration.between(c.committedAt(), status.appliedAt()).toMillis());
        SpoolFiles.deleteFolder(folder);
        announce(c.kind());
    }

    private void applySnapshot(Change c, long offset) {
        Path file;
        try {
            file = snapshots.named(c.snapshot(), c.snapshotSha256());
        } catch (SnapshotClient.SnapshotUnavailableException e) {
            if (e.status == 404) {
                resync("the writer no longer keeps snapshot " + c.snapshot());
                return;
            }
            throw e;
        }
        long t0 = System.nanoTime();
        LOG.info(
                "Applying change {} ({}) from snapshot {} ({} bytes)",
                c.sequence(),
                c.kind(),
                c.snapshot(),
                c.snapshotBytes());
        restore(file, dsg -> {
            LogPosition.setSequence(dsg, c.sequence());
            LogPosition.setOffset(dsg, offset);
        });
        status.applied(c, offset);
        LOG.info(
                "Applied change {} (offset {}) in {} ms, {} ms after the writer committed it",
                c.sequence(),
                offset,
                (System.nanoTime() - t0) / 1_000_000,
                Duration.between(c.committedAt(), status.appliedAt()).toMillis());
        announce(c.kind());
    }

    /** Replaces the store with the writer's current snapshot and seeks to the record after it. */
    private void resync(String why) {
        if (!snapshots.configured()) {
            throw new IllegalStateException("Cannot follow the log: " + why + ", and without kg.replication.writer-url "
                    + "there is no snapshot to start again from");
        }
        LOG.warn("Starting again from the writer's snapshot: {}", why);
        LogPosition.Position p = bootstrap();
        status.resynced(p);
        ConsumerSeekCallback s = seeks;
        if (s != null) {
            s.seek(props.topic(), 0, p.offset() + 1);
        }
    }

    /** Restores the writer's current snapshot; returns the position it records. */
    LogPosition.Position bootstrap() {
        return bootstrap(snapshots.latest(), true);
    }

    /** Restores a snapshot or backup of the writer's store; returns the position it records. */
    LogPosition.Position bootstrap(Path file, boolean deleteAfter) {
        restore(file, dsg -> {}, deleteAfter);
        LogPosition.Position p = LogPosition.readCommitted(store.dataset());
        LOG.info("Restored {}: change {}, log offset {}", file.getFileName(), p.sequence(), p.offset());
        announce(Change.LOAD);
        return p;
    }

    private void restore(Path file, java.util.function.Consumer<DatasetGraph> alsoInTransaction) {
        restore(file, alsoInTransaction, true);
    }

    private void restore(Path file, java.util.function.Consumer<DatasetGraph> alsoInTransaction, boolean deleteAfter) {
        StoreBackup.verify(file);
        long quads = SpoolFiles.countQuads(file);
        StoreBackup.RestoreReport r = backups.restore(file, store.dataset(), alsoInTransaction);
        if (r.quads() != quads) {
            throw new IllegalStateException("Snapshot " + file + " restored " + r.quads() + " of " + quads + " quads");
        }
        if (deleteAfter) {
            SnapshotClient.delete(file);
        }
    }

    private void announce(String kind) {
        if (Change.LOAD.equals(kind)) {
            KnowledgeStore.StoreStatus s = store.status();
            events.publishEvent(new StoreLoaded(new LoadReport(
                    true, s.files(), s.asserted(), s.inferred(), s.triples(), s.hash(), s.loadedAt(), Duration.ZERO)));
        } else {
            version.changed();
        }
    }
}
