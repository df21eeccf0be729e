package org.cikg.replication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import org.cikg.config.KgProperties;
import org.cikg.store.backup.StoreBackup;

/**
 * Fetches snapshots from the writer's facade ({@code kg.replication.writer-url}, with the admin credentials): the
 * file and its SHA-256 (response header {@code X-Checksum-SHA256}), written next to each other in the backup format
 * and verified before anyone restores them.
 */
final class SnapshotClient {
    private final String writer;
    private final String authorization;
    private final Path folder;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The writer could not give the snapshot asked for. */
    static final class SnapshotUnavailableException extends RuntimeException {
        final int status;

        SnapshotUnavailableException(String message, int status) {
            super(message);
            this.status = status;
        }
    }

    SnapshotClient(ReplicationProperties props, KgProperties kg, Path folder) {
        this.writer = props.writerUrl().replaceAll("/+$", "");
        KgProperties.Admin admin = kg.admin();
        this.authorization = admin.enabled()
                ? "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (admin.user() + ":" + admin.password()).getBytes(StandardCharsets.UTF_8))
                : null;
        this.folder = folder;
    }

    boolean configured() {
        return !writer.isBlank();
    }

    /** The writer's current state as a snapshot ({@code GET /replication/snapshot}). */
    Path latest() {
        return fetch("/replication/snapshot", null);
    }

    /** The snapshot a change names ({@code GET /replication/snapshots/NAME}), checked against its SHA-256. */
    Path named(String name, String sha256) {
        return fetch("/replication/snapshots/" + name, sha256);
    }

    private Path fetch(String path, String expectedSha) {
        if (!configured()) {
            throw new SnapshotUnavailableException(
                    "No writer to fetch a snapshot from: set kg.replication.writer-url", 0);
        }
        try {
            Files.createDirectories(folder);
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(URI.create(writer + path)).timeout(Duration.ofMinutes(30));
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
            Path tmp = Files.createTempFile(folder, "snapshot-", ".tmp");
            HttpResponse<Path> r = http.send(b.GET().build(), HttpResponse.BodyHandlers.ofFile(tmp));
            if (r.statusCode() != 200) {
                String body = Files.readString(tmp, StandardCharsets.UTF_8);
                Files.deleteIfExists(tmp);
                throw new SnapshotUnavailableException(
                        "The writer answered " + r.statusCode() + " for " + writer + path + ": "
                                + body.substring(0, Math.min(300, body.length())),
                        r.statusCode());
            }
            String name = r.headers().firstValue("X-Snapshot-Name").orElse(path.substring(path.lastIndexOf('/') + 1));
            String sha = r.headers()
                    .firstValue("X-Checksum-SHA256")
                    .orElseThrow(() -> new SnapshotUnavailableException(
                            "The writer sent no X-Checksum-SHA256 for " + path, r.statusCode()));
            if (expectedSha != null && !expectedSha.equalsIgnoreCase(sha)) {
                Files.deleteIfExists(tmp);
                throw new SnapshotUnavailableException(
                        "Snapshot " + name + " has SHA-256 " + sha + ", the log says " + expectedSha, r.statusCode());
            }
            Path file = folder.resolve(SnapshotStore.NAME.matcher(name).matches() ? name : "snapshot.nq.gz");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(
                    StoreBackup.checksumFileOf(file),
                    sha + "  " + file.getFileName() + "\n",
                    StandardCharsets.US_ASCII);
            StoreBackup.verify(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot fetch " + writer + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Removes a restored snapshot and its checksum file. */
    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(StoreBackup.checksumFileOf(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
