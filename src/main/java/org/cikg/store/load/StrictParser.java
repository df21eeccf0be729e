package org.cikg.store.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.cikg.problem.DataLoadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every curated file is parsed, by every load (the service's, the bulk load's ontology, curation's): strictly, so
 * errors and warnings alike (bad IRIs, ill-typed literals, bad language tags) stop the load as
 * {@code file:line:col: message}, every triple (and every quad, flattened) going into the file's graph, numeric
 * literals in canonical form ({@link LiteralNormalizer}). A file whose name ends in {@code .gz} is read through gzip.
 */
final class StrictParser {
    private static final Logger LOG = LoggerFactory.getLogger(StrictParser.class);

    private StrictParser() {}

    /** Parses {@code f} into its graph of {@code dsg}; returns the triples read. */
    static long parseInto(DatasetGraph dsg, SourceFiles.SourceFile f) {
        long t0 = System.nanoTime();
        CountingSink sink = new CountingSink(dsg, f.graph());
        String name = describe(f.path());
        boolean gzipped = f.path().getFileName().toString().endsWith(".gz");
        try (InputStream in = gzipped
                ? new GZIPInputStream(Files.newInputStream(f.path()), 1 << 16)
                : Files.newInputStream(f.path())) {
            RDFParser.source(in)
                    .lang(f.lang())
                    .base(f.path().toUri().toString())
                    .errorHandler(new FailingErrorHandler(name))
                    .parse(sink);
        } catch (IOException e) {
            throw new DataLoadException(name + ": " + e.getMessage(), e);
        } catch (RiotException e) {
            if (e.getCause() instanceof DataLoadException d) {
                throw d;
            }
            throw new DataLoadException(name + ": " + e.getMessage(), e);
        }
        long ms = Math.max(1, (System.nanoTime() - t0) / 1_000_000);
        LOG.info("  {}: {} triples, {} ms, {} triples/s", name, sink.count, ms, sink.count * 1000 / ms);
        return sink.count;
    }

    /** The file's path relative to the working folder when it is inside it (messages name files as the user does). */
    static String describe(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    /** Errors and warnings all stop the parse, reported as {@code file:line:col: message}. */
    private record FailingErrorHandler(String file) implements ErrorHandler {
        @Override
        public void warning(String message, long line, long col) {
            fail(message, line, col);
        }

        @Override
        public void error(String message, long line, long col) {
            fail(message, line, col);
        }

        @Override
        public void fatal(String message, long line, long col) {
            fail(message, line, col);
        }

        private void fail(String message, long line, long col) {
            String where = line > 0 ? file + ":" + line + ":" + col + ": line " + line + ", column " + col : file;
            throw new RiotException(new DataLoadException(where + ": " + message));
        }
    }

    /**
     * Sends every triple (and every quad, flattened) of a file into one named graph, counting them; numeric
     * literals are stored in canonical form ({@link LiteralNormalizer}).
     */
    private static final class CountingSink extends StreamRDFBase {
        private final DatasetGraph dsg;
        private final Node graph;
        long count;

        CountingSink(DatasetGraph dsg, Node graph) {
            this.dsg = dsg;
            this.graph = graph;
        }

        @Override
        public void triple(Triple t) {
            dsg.add(graph, t.getSubject(), t.getPredicate(), LiteralNormalizer.normalize(t.getObject()));
            count++;
        }

        @Override
        public void quad(Quad q) {
            dsg.add(graph, q.getSubject(), q.getPredicate(), LiteralNormalizer.normalize(q.getObject()));
            count++;
        }
    }
}
