package org.cikg.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.cikg.KgProperties;
import org.cikg.sparql.QueryCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Loads {@code ontology/} and {@code data/} into the store in one write transaction: parse every file (strictly:
 * a syntax error or an ill-typed literal aborts the whole load with the file and line), materialise inferences,
 * record the data hash, the load time and the counts. Readers keep the previous version until the commit (TDB2 MVCC),
 * and an aborted load leaves it untouched.
 */
@Component
public class DataLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DataLoader.class);
    static final String META = "https://w3id.org/cikg/ontology#";

    private final KnowledgeStore store;
    private final KgProperties props;
    private final QueryCatalog catalog;
    private final Materializer materializer;
    private final ReentrantLock oneLoadAtATime = new ReentrantLock();

    public DataLoader(KnowledgeStore store, KgProperties props, QueryCatalog catalog) {
        this.store = store;
        this.props = props;
        this.catalog = catalog;
        this.materializer = Materializer.fromFolder(props.sparql().queries().resolve("inference"));
    }

    /** Loads when the store is empty or the files changed since the last load. */
    public LoadReport loadIfChanged() {
        return load(false);
    }

    /** Loads the files; unless {@code force}, skips the work when their hash equals the stored one. */
    public LoadReport load(boolean force) {
        oneLoadAtATime.lock();
        try {
            return doLoad(force);
        } finally {
            oneLoadAtATime.unlock();
        }
    }

    private LoadReport doLoad(boolean force) {
        long start = System.nanoTime();
        SourceFiles sources = SourceFiles.scan(props.store().ontology(), props.store().data(), materializer.files());
        KnowledgeStore.StoreStatus before = store.status();
        if (!force && sources.hash().equals(before.hash())) {
            LOG.info("Store is up to date (data hash {}, loaded {}): nothing to load", shortHash(sources.hash()),
                    before.loadedAt());
            return new LoadReport(false, 0, before.asserted(), before.inferred(), before.triples(), before.hash(),
                    before.loadedAt(), Duration.ofNanos(System.nanoTime() - start));
        }
        LOG.info("Loading {} files (data hash {})", sources.files().size(), shortHash(sources.hash()));
        DatasetGraph dsg = store.dataset();
        Instant loadedAt = Instant.now();
        long[] counts = new long[3];
        Txn.executeWrite(dsg, () -> {
            for (Node g : new Node[] {Graphs.ONTOLOGY, Graphs.DATA, Graphs.INFERRED, Graphs.META}) {
                dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
            }
            for (SourceFiles.SourceFile f : sources.files()) {
                parseInto(dsg, f);
            }
            long asserted = dsg.getGraph(Graphs.ONTOLOGY).size() + dsg.getGraph(Graphs.DATA).size();
            long t0 = System.nanoTime();
            long inferred = materializer.run(dsg);
            LOG.info("Inference: {} triples in {} ms", inferred, (System.nanoTime() - t0) / 1_000_000);
            long total;
            RowSet rows = store.runner().selectInTxn(catalog.get("system/count-triples"), Map.of());
            total = Long.parseLong(rows.next().get("n").getLiteralLexicalForm());
            writeMeta(dsg, sources, loadedAt, total, asserted, inferred);
            counts[0] = asserted;
            counts[1] = inferred;
            counts[2] = total;
        });
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        LoadReport report = new LoadReport(true, sources.files().size(), counts[0], counts[1], counts[2],
                sources.hash(), loadedAt, elapsed);
        LOG.info("Loaded {} files: {} asserted + {} inferred triples ({} in the union) in {} ms, {} triples/s",
                report.files(), report.assertedTriples(), report.inferredTriples(), report.totalTriples(),
                elapsed.toMillis(), Math.round(report.triplesPerSecond()));
        return report;
    }

    private static long parseInto(DatasetGraph dsg, SourceFiles.SourceFile f) {
        long t0 = System.nanoTime();
        CountingSink sink = new CountingSink(dsg, f.graph());
        String name = describe(f.path());
        try {
            RDFParser.source(f.path())
                    .lang(f.lang())
                    .errorHandler(new FailingErrorHandler(name))
                    .parse(sink);
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

    /**
     * Curated data is held to the strictest standard: errors and warnings (bad IRIs, ill-typed literals, bad
     * language tags) all stop the load, reported as {@code file:line:col: message}.
     */
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

    private static String describe(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    private static void writeMeta(DatasetGraph dsg, SourceFiles sources, Instant loadedAt, long total, long asserted,
                                  long inferred) {
        Node s = Graphs.DATASET;
        dsg.add(Graphs.META, s, NodeFactory.createURI(META + "dataHash"), NodeFactory.createLiteralString(sources.hash()));
        dsg.add(Graphs.META, s, DCTerms.modified.asNode(),
                NodeFactory.createLiteralDT(loadedAt.toString(), XSDDatatype.XSDdateTime));
        dsg.add(Graphs.META, s, NodeFactory.createURI(META + "loadedFiles"), integer(sources.files().size()));
        dsg.add(Graphs.META, s, NodeFactory.createURI("http://rdfs.org/ns/void#triples"), integer(total));
        dsg.add(Graphs.META, s, NodeFactory.createURI(META + "assertedTriples"), integer(asserted));
        dsg.add(Graphs.META, s, NodeFactory.createURI(META + "inferredTriples"), integer(inferred));
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    private static String shortHash(String hash) {
        return hash == null ? "none" : hash.substring(0, Math.min(12, hash.length()));
    }

    /**
     * Sends every triple (and every quad, flattened) of a file into one named graph, counting them; numeric
     * literals are stored in canonical form ({@link LiteralNormalizer}).
     */
    private static final class CountingSink extends StreamRDFBase implements StreamRDF {
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
