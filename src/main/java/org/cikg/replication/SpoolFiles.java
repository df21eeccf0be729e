package org.cikg.replication;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.rdfpatch.changes.RDFChangesBase;
import org.apache.jena.rdfpatch.text.RDFPatchReaderText;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;

/** The files of a replica's spool folder: the records of a change kept until its last one arrives, and snapshots. */
final class SpoolFiles {
    private SpoolFiles() {}

    /** Parses the snapshot once before the write transaction (see {@code ChangeApplier}). */
    static long countQuads(Path file) {
        long[] n = new long[1];
        try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            RDFParser.source(in).lang(Lang.NQUADS).parse(new StreamRDFBase() {
                @Override
                public void quad(Quad q) {
                    n[0]++;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n[0];
    }

    /** Reads the RDF Patch held in these parts, in order, into {@code into}. */
    static void read(List<Path> parts, RDFChangesBase into) {
        List<InputStream> streams = new ArrayList<>();
        try {
            for (Path p : parts) {
                streams.add(Files.newInputStream(p));
            }
            try (InputStream in = new SequenceInputStream(Collections.enumeration(streams))) {
                new RDFPatchReaderText(new java.io.BufferedInputStream(in, 1 << 16)).apply(into);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (InputStream s : streams) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a file we only read
                }
            }
        }
    }

    static void write(Path file, byte[] value) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteFolder(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
