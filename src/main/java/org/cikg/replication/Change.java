package org.cikg.replication;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * One committed change of the writer's store, as the log carries it: which change it is, what made it, and how it
 * travels. The same fields go into an outbox entry on the writer and into the headers of each of the change's records
 * ({@code cikg-sequence}, {@code cikg-change}, ...; see {@code docs/replication.md}).
 *
 * @param sequence      the change sequence the change produces (1, 2, ...; the data version replicas report)
 * @param id            the change's id (a UUID; also the RDF Patch's {@code H id})
 * @param kind          {@code load} (a load or restore: it rewrote the meta graph's data hash) or {@code update}
 * @param form          {@code patch}: the records' values are the RDF Patch, in order; {@code snapshot}: one record
 *                      naming a snapshot of the whole store after the change, which replicas fetch from the writer
 * @param adds          quads the change added
 * @param deletes       quads the change deleted
 * @param patchBytes    size of the change's RDF Patch text
 * @param snapshot      the snapshot's file name (form {@code snapshot}), else empty
 * @param snapshotSha256 the snapshot's SHA-256 (form {@code snapshot}), else empty
 * @param snapshotBytes the snapshot's size (form {@code snapshot}), else 0
 * @param quadsAfter    quads in the store after the change (counted only when deciding on a snapshot; else -1)
 * @param committedAt   when the writer committed it
 */
record Change(
        long sequence,
        String id,
        String kind,
        String form,
        long adds,
        long deletes,
        long patchBytes,
        String snapshot,
        String snapshotSha256,
        long snapshotBytes,
        long quadsAfter,
        Instant committedAt) {
    static final String PATCH = "patch";
    static final String SNAPSHOT = "snapshot";
    static final String LOAD = "load";
    static final String UPDATE = "update";
    static final String PREFIX = "cikg-";
    static final String CHUNK = PREFIX + "chunk";
    static final String CHUNKS = PREFIX + "chunks";

    long operations() {
        return adds + deletes;
    }

    boolean isSnapshot() {
        return SNAPSHOT.equals(form);
    }

    Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("sequence", Long.toString(sequence));
        p.setProperty("change", id);
        p.setProperty("kind", kind);
        p.setProperty("form", form);
        p.setProperty("adds", Long.toString(adds));
        p.setProperty("deletes", Long.toString(deletes));
        p.setProperty("patch-bytes", Long.toString(patchBytes));
        p.setProperty("snapshot", snapshot);
        p.setProperty("snapshot-sha256", snapshotSha256);
        p.setProperty("snapshot-bytes", Long.toString(snapshotBytes));
        p.setProperty("quads-after", Long.toString(quadsAfter));
        p.setProperty("committed-at", committedAt.toString());
        return p;
    }

    static Change fromProperties(Properties p) {
        return new Change(
                Long.parseLong(p.getProperty("sequence")),
                p.getProperty("change"),
                p.getProperty("kind"),
                p.getProperty("form"),
                Long.parseLong(p.getProperty("adds")),
                Long.parseLong(p.getProperty("deletes")),
                Long.parseLong(p.getProperty("patch-bytes")),
                p.getProperty("snapshot", ""),
                p.getProperty("snapshot-sha256", ""),
                Long.parseLong(p.getProperty("snapshot-bytes", "0")),
                Long.parseLong(p.getProperty("quads-after", "-1")),
                Instant.parse(p.getProperty("committed-at")));
    }

    /** The record headers of chunk {@code chunk} of {@code chunks}. */
    Headers headers(int chunk, int chunks) {
        RecordHeaders h = new RecordHeaders();
        toProperties().forEach((k, v) -> h.add(PREFIX + k, ((String) v).getBytes(StandardCharsets.UTF_8)));
        h.add(CHUNK, Integer.toString(chunk).getBytes(StandardCharsets.UTF_8));
        h.add(CHUNKS, Integer.toString(chunks).getBytes(StandardCharsets.UTF_8));
        return h;
    }

    /** The change a record belongs to, from its headers. */
    static Change fromHeaders(Headers headers) {
        Properties p = new Properties();
        for (Header h : headers) {
            if (h.key().startsWith(PREFIX) && !h.key().equals(CHUNK) && !h.key().equals(CHUNKS)) {
                p.setProperty(h.key().substring(PREFIX.length()), new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        return fromProperties(p);
    }

    static int header(Headers headers, String key) {
        Header h = headers.lastHeader(key);
        if (h == null) {
            throw new IllegalArgumentException("Record without the header " + key);
        }
        return Integer.parseInt(new String(h.value(), StandardCharsets.UTF_8));
    }
}
