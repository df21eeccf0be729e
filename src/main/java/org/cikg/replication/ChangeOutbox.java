package org.cikg.replication;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The writer's committed changes not yet published, one entry per change in a folder next to the store: the RDF
 * Patch ({@code <sequence>.rdfp}, form {@code patch}) and the change's description ({@code <sequence>.change}, written
 * last, synced and renamed into place: an entry without it is incomplete and ignored). An entry is complete before
 * TDB2 commits its change, so a crash right after the commit loses nothing: the publisher sends it when the service
 * comes back. An entry whose change never committed (a crash between the two) is dropped at start-up.
 */
final class ChangeOutbox {
    private static final String CHANGE = ".change";
    private static final String PATCH = ".rdfp";

    private final Path folder;

    ChangeOutbox(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the change outbox " + folder, e);
        }
    }

    Path folder() {
        return folder;
    }

    /** Adds the entry of {@code change}, taking over its recorded patch (form {@code patch}) or dropping it. */
    void put(Change change, Path recordedPatch) {
        try {
            if (change.isSnapshot()) {
                Files.deleteIfExists(recordedPatch);
            } else {
                Path patch = patchOf(change);
                sync(recordedPatch);
                Files.move(recordedPatch, patch, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            Path tmp = folder.resolve(name(change.sequence()) + CHANGE + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                change.toProperties().store(out, "cikg change");
            }
            sync(tmp);
            Files.move(
                    tmp,
                    folder.resolve(name(change.sequence()) + CHANGE),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            syncFolder();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the change to the outbox " + folder, e);
        }
    }

    /** The complete entries, in sequence order. */
    List<Change> pending() {
        List<Change> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(CHANGE))
                    .toList()) {
                Properties props = new Properties();
                try (InputStream in = Files.newInputStream(p)) {
                    props.load(in);
                }
                out.add(Change.fromProperties(props));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the change outbox " + folder, e);
        }
        out.sort(Comparator.comparingLong(Change::sequence));
        return out;
    }

    Path patchOf(Change change) {
        return folder.resolve(name(change.sequence()) + PATCH);
    }

    /** Removes the entry (published, or never committed). */
    void remove(Change change) {
        try {
            Files.deleteIfExists(folder.resolve(name(change.sequence()) + CHANGE));
            Files.deleteIfExists(patchOf(change));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops entries of changes after {@code committed} (prepared, then never committed) and stray recordings. */
    void dropAfter(long committed) {
        for (Change c : pending()) {
            if (c.sequence() > committed) {
                remove(c);
            }
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("recording-")
                            || f.getFileName().toString().endsWith(".tmp"))
                    .toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(long sequence) {
        return String.format("%012d", sequence);
    }

    private static void sync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private void syncFolder() {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Not every file system lets a folder be synced; the entry's own file is.
        }
    }
}
