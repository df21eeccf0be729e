package org.cikg.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a persisted search index lives: one sub-folder per version of the data (named by a digest of the version),
 * built in a {@code .tmp} folder renamed into place once complete, and the folders of other versions removed once a
 * new one is in use.
 */
final class IndexFolder {
    private static final Logger LOG = LoggerFactory.getLogger(IndexFolder.class);

    private final Path folder;

    IndexFolder(Path folder) {
        this.folder = folder;
    }

    Path root() {
        return folder;
    }

    /** The folder of the index of this data version. */
    private Path of(String key) {
        return folder.resolve(name(key));
    }

    /** Where the index of this data version is built before it is renamed into place. */
    private Path building(String key) {
        return folder.resolve(name(key) + ".tmp");
    }

    /**
     * The complete index of this data version, if its folder holds one (marked with the version in its commit);
     * else null. A folder whose index does not open is removed.
     */
    DirectoryReader open(String key) {
        Path dir = of(key);
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try {
            Directory d = FSDirectory.open(dir);
            if (DirectoryReader.indexExists(d)) {
                DirectoryReader reader = DirectoryReader.open(d);
                if (key.equals(reader.getIndexCommit().getUserData().get(IndexBuilder.DATA_KEY))) {
                    return reader;
                }
                reader.close();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Search index at {} unreadable ({}); rebuilding it", dir, e.toString());
        }
        delete(dir);
        return null;
    }

    /**
     * Writes the index of this data version with {@code write} into a temporary folder, renames it into place once
     * complete (an interrupted build leaves nothing that would be opened) and opens it.
     */
    DirectoryReader write(String key, Consumer<Directory> write) {
        Path dir = of(key);
        Path tmp = building(key);
        try {
            delete(tmp);
            Files.createDirectories(tmp);
            try (FSDirectory d = FSDirectory.open(tmp)) {
                write.accept(d);
            }
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the search index under " + folder, e);
        }
        DirectoryReader opened = open(key);
        if (opened == null) {
            throw new IllegalStateException("Search index just written to " + dir + " does not open");
        }
        return opened;
    }

    /** Folders of other data versions (and unfinished builds) are of no further use. */
    void removeOtherVersions(String key) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        String keep = name(key);
        try (Stream<Path> dirs = Files.list(folder)) {
            for (Path d : dirs.toList()) {
                if (!d.getFileName().toString().equals(keep)) {
                    // Readers still searching the old index keep their open files (unlinked, not gone) until done.
                    delete(d);
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot list {}: {}", folder, e.toString());
        }
    }

    private static String name(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes a folder and everything in it, if it exists. */
    static void delete(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + p, e);
        }
    }
}
