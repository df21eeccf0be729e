package org.cikg.replication;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.rdfpatch.text.RDFChangesWriterText;
import org.apache.jena.sparql.core.Quad;
import org.cikg.store.Graphs;

/**
 * The RDF Patch of one write transaction, written to a file as the transaction goes (a reload of a million triples
 * would not fit comfortably in memory twice): {@code H id}, {@code TX}, one {@code A} or {@code D} row per quad
 * actually added or deleted, {@code TC}.
 */
final class Recording implements AutoCloseable {
    private static final Node DATA_HASH = NodeFactory.createURI("https://w3id.org/cikg/ontology#dataHash");

    final String id = UUID.randomUUID().toString();
    final Path file;
    /** The change sequence the store stood at when the transaction made its first change. */
    final long base;

    private final OutputStream out;
    private final RDFChangesWriterText patch;
    long adds;
    long deletes;
    private boolean load;
    private boolean finished;

    Recording(Path folder, long base) {
        this.base = base;
        try {
            Files.createDirectories(folder);
            this.file = Files.createTempFile(folder, "recording-", ".rdfp");
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record the change", e);
        }
        this.patch = RDFPatchOps.textWriter(out);
        patch.start();
        patch.header("id", NodeFactory.createURI("urn:uuid:" + id));
        patch.txnBegin();
    }

    void add(Node g, Node s, Node p, Node o) {
        note(g, p);
        patch.add(g, s, p, o);
        adds++;
    }

    void delete(Node g, Node s, Node p, Node o) {
        note(g, p);
        patch.delete(g, s, p, o);
        deletes++;
    }

    /** A load (or restore) rewrites the meta graph's data hash; an update does not. */
    private void note(Node g, Node p) {
        if (!load && Graphs.META.equals(g) && DATA_HASH.equals(p)) {
            load = true;
        }
    }

    long operations() {
        return adds + deletes;
    }

    String kind() {
        return load ? Change.LOAD : Change.UPDATE;
    }

    /** Ends the patch and flushes it to disk; returns its size. */
    long finish() {
        if (!finished) {
            finished = true;
            patch.txnCommit();
            patch.finish();
            try {
                out.flush();
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot record the change", e);
            }
        }
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The graph name as the patch writes it: the default graph always as {@link Quad#defaultGraphIRI}. */
    static Node graph(Node g) {
        return g == null || Quad.isDefaultGraph(g) ? Quad.defaultGraphIRI : g;
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
