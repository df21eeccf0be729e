package org.cikg.replication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.cikg.store.backup.StoreBackup;

/**
 * The writer's snapshots of its whole store, in the backup format ({@link StoreBackup#write}: gzip N-Quads and a
 * {@code .sha256} file), each recording in its replication graph the change sequence and log offset it stands at:
 * {@code change-<sequence>.nq.gz} for a change published as a snapshot reference, {@code bootstrap-<sequence>.nq.gz}
 * for a replica starting from nothing. The newest {@code keep} of each kind are kept.
 */
final class SnapshotStore {
    static final Pattern NAME = Pattern.compile("(change|bootstrap)-(\\d+)\\.nq\\.gz");

    private final Path folder;
    private final int keep;

    /** A snapshot file and what it holds. */
    record Snapshot(Path file, String sha256, long sequence, long bytes) {}

    SnapshotStore(Path folder, int keep) {
        this.folder = folder;
        this.keep = Math.max(1, keep);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the snapshot folder " + folder, e);
        }
    }

    /** Writes the store as the caller's write transaction sees it, for the change {@code sequence}. */
    Snapshot writeChange(DatasetGraph inTransaction, long sequence) {
        StoreBackup.BackupReport r = StoreBackup.write(inTransaction, folder.resolve("change-" + sequence + ".nq.gz"));
        prune("change");
        return new Snapshot(r.file(), r.sha256(), sequence, r.bytes());
    }

    /** A snapshot of the committed store: the newest bootstrap snapshot if the store has not changed since, else a new one. */
    synchronized Snapshot bootstrap(DatasetGraph tdb) {
        return Txn.calculateRead(tdb, () -> {
            long sequence = LogPosition.read(tdb).sequence();
            Path file = folder.resolve("bootstrap-" + sequence + ".nq.gz");
            if (Files.isRegularFile(file) && Files.isRegularFile(StoreBackup.checksumFileOf(file))) {
                return new Snapshot(file, StoreBackup.verify(file), sequence, size(file));
            }
            StoreBackup.BackupReport r = StoreBackup.write(tdb, file);
            prune("bootstrap");
            return new Snapshot(r.file(), r.sha256(), sequence, r.bytes());
        });
    }

    /** The snapshot called {@code name}, if it is one of ours and still kept. */
    Optional<Snapshot> find(String name) {
        var m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file) || !Files.isRegularFile(StoreBackup.checksumFileOf(file))) {
            return Optional.empty();
        }
        return Optional.of(new Snapshot(file, StoreBackup.verify(file), Long.parseLong(m.group(2)), size(file)));
    }

    void delete(String name) {
        if (NAME.matcher(name).matches()) {
            try {
                Files.deleteIfExists(folder.resolve(name));
                Files.deleteIfExists(StoreBackup.checksumFileOf(folder.resolve(name)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void prune(String kind) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.filter(p -> {
                        var m = NAME.matcher(p.getFileName().toString());
                        return m.matches() && m.group(1).equals(kind);
                    })
                    .sorted(Comparator.comparingLong(SnapshotStore::sequenceOf).reversed())
                    .toList();
            for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
                delete(old.getFileName().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long sequenceOf(Path p) {
        var m = NAME.matcher(p.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(2)) : -1;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
