package org.cikg.store.load;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphMapLink;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.cikg.config.KgProperties;
import org.cikg.core.Namespaces;
import org.cikg.problem.DataLoadException;
import org.cikg.remote.GraphStorePush;
import org.cikg.sparql.QueryCatalog;
import org.cikg.store.Graphs;
import org.cikg.store.KnowledgeStore;
import org.cikg.store.statistics.StoreStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Loads {@code ontology/} and {@code data/} into the store: parse every file (strictly: a syntax error or an
 * ill-typed literal aborts the whole load with the file and line), materialise inferences, validate the result against
 * the SHACL shapes ({@link ShapeValidator}: a violation aborts the load), then replace the graphs and record the data
 * hash, the load time and the counts in one write transaction. Readers keep the previous version until the commit
 * (TDB2 MVCC), and an aborted load leaves it untouched.
 */
@Component
public class DataLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DataLoader.class);
    static final String META = Namespaces.CIKG;

    private final KnowledgeStore store;
    private final KgProperties props;
    private final QueryCatalog catalog;
    private final Materializer materializer;
    private final ReentrantLock oneLoadAtATime = new ReentrantLock();
    private final ApplicationEventPublisher events;

    public DataLoader(KnowledgeStore store, KgProperties props, QueryCatalog catalog) {
        this(store, props, catalog, event -> { });
    }

    /** As the service runs it: announces each committed load as a {@link StoreLoaded} event. */
    @Autowired
    public DataLoader(KnowledgeStore store, KgProperties props, QueryCatalog catalog, ApplicationEventPublisher events) {
        this.store = store;
        this.props = props;
        this.catalog = catalog;
        this.events = events;
        this.materializer = Materializer.fromFolder(props.sparql().queries().resolve("inference"));
    }

    /** Loads when the store is empty or the files changed since the last load. */
    public LoadReport loadIfChanged() {
        return load(false);
    }

    /** Loads the files; unless {@code force}, skips the work when their hash equals the stored one. */
    public LoadReport load(boolean force) {
        LoadReport report;
        oneLoadAtATime.lock();
        try {
            report = doLoad(force);
        } finally {
            oneLoadAtATime.unlock();
        }
        if (report.loaded()) {
            events.publishEvent(new StoreLoaded(report));
        }
        return report;
    }

    private LoadReport doLoad(boolean force) {
        long start = System.nanoTime();
        SourceFiles sources = SourceFiles.scan(props.store().ontology(), props.store().data(),
                props.store().gazetteerFiles(), materializer.files());
        KnowledgeStore.StoreStatus before = store.status();
        if (!force && sources.hash().equals(before.hash())) {
            LOG.info("Store is up to date (data hash {}, loaded {}): nothing to load", shortHash(sources.hash()),
                    before.loadedAt());
            return new LoadReport(false, 0, before.asserted(), before.inferred(), before.triples(), before.hash(),
                    before.loadedAt(), Duration.ofNanos(System.nanoTime() - start));
        }
        LOG.info("Loading {} files (data hash {})", sources.files().size(), shortHash(sources.hash()));
        // Everything that can fail on bad data (parsing, inference, SHACL) runs on an in-memory copy first; the TDB2
        // write transaction below then only swaps the graphs. Aborting a large TDB2 write transaction leaves the node
        // table unusable for the next write in this JVM (TDBException NodeTableTRDF/Read), so bad data must never
        // reach one.
        DatasetGraph staged = stage(sources);
        List<String> findings = GazetteerCheck.run(staged, catalog.get("system/gazetteer-check"));
        findings.forEach(f -> LOG.warn("Load report: {}", f));
        long asserted = staged.getGraph(Graphs.ONTOLOGY).size() + staged.getGraph(Graphs.DATA).size();
        long inferred = staged.getGraph(Graphs.INFERRED).size();
        Instant loadedAt = Instant.now();
        if (store.isRemote()) {
            return pushRemote(staged, sources, loadedAt, asserted, inferred, start, findings);
        }
        DatasetGraph dsg = store.dataset();
        long[] total = new long[1];
        Txn.executeWrite(dsg, () -> {
            for (Node g : new Node[] {Graphs.ONTOLOGY, Graphs.DATA, Graphs.INFERRED, Graphs.META}) {
                dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
            }
            for (Node g : new Node[] {Graphs.ONTOLOGY, Graphs.DATA, Graphs.INFERRED}) {
                staged.getGraph(g).find().forEachRemaining(t -> dsg.add(g, t.getSubject(), t.getPredicate(),
                        t.getObject()));
            }
            RowSet rows = store.runner().selectInTxn(catalog.get("system/count-triples"), Map.of());
            total[0] = Long.parseLong(rows.next().get("n").getLiteralLexicalForm());
            writeMeta(dsg, sources, loadedAt, total[0], asserted, inferred);
        });
        StoreStatistics.write(dsg);
        long[] counts = {asserted, inferred, total[0]};
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        LoadReport report = new LoadReport(true, sources.files().size(), counts[0], counts[1], counts[2],
                sources.hash(), loadedAt, elapsed, findings);
        LOG.info("Loaded {} files: {} asserted + {} inferred triples ({} in the union) in {} ms, {} triples/s",
                report.files(), report.assertedTriples(), report.inferredTriples(), report.totalTriples(),
                elapsed.toMillis(), Math.round(report.triplesPerSecond()));
        return report;
    }

    /**
     * Remote mode: the same staged graphs, and the meta graph, go into staging graphs of the remote store and are
     * switched in with one update request ({@link GraphStorePush}), each count checked before and after.
     */
    private LoadReport pushRemote(DatasetGraph staged, SourceFiles sources, Instant loadedAt, long asserted,
                                  long inferred, long start, List<String> findings) {
        Graph ontology = staged.getGraph(Graphs.ONTOLOGY);
        Graph data = staged.getGraph(Graphs.DATA);
        Graph inferredGraph = staged.getGraph(Graphs.INFERRED);
        // Distinct triples of the union, as the embedded store's union default graph counts them.
        long total = ontology.size()
                + data.find().filterDrop(ontology::contains).toList().size()
                + inferredGraph.find().filterDrop(t -> ontology.contains(t) || data.contains(t)).toList().size();
        DatasetGraph meta = DatasetGraphFactory.createGeneral();
        writeMeta(meta, sources, loadedAt, total, asserted, inferred);
        Map<Node, Graph> graphs = new java.util.LinkedHashMap<>();
        graphs.put(Graphs.ONTOLOGY, ontology);
        graphs.put(Graphs.DATA, data);
        graphs.put(Graphs.INFERRED, inferredGraph);
        graphs.put(Graphs.META, meta.getGraph(Graphs.META));
        new GraphStorePush(store.remote(), store.runner(), catalog).push(graphs);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        LoadReport report = new LoadReport(true, sources.files().size(), asserted, inferred, total, sources.hash(),
                loadedAt, elapsed, findings);
        LOG.info("Pushed {} files to the remote store: {} asserted + {} inferred triples ({} in the union) in {} ms",
                report.files(), asserted, inferred, total, elapsed.toMillis());
        return report;
    }

    /**
     * Parses every file into an in-memory dataset whose default graph is the union of its ontology, data and inferred
     * graphs (as in the store), materialises the inferences and validates the result against the shapes. Throws
     * {@link DataLoadException} on a syntax error, an ill-typed literal or a SHACL violation.
     */
    private DatasetGraph stage(SourceFiles sources) {
        Graph ontology = GraphFactory.createDefaultGraph();
        Graph data = GraphFactory.createDefaultGraph();
        Graph inferredGraph = GraphFactory.createDefaultGraph();
        MultiUnion union = new MultiUnion(new Graph[] {ontology, data, inferredGraph});
        DatasetGraph staged = new DatasetGraphMapLink(union);
        staged.addGraph(Graphs.ONTOLOGY, ontology);
        staged.addGraph(Graphs.DATA, data);
        staged.addGraph(Graphs.INFERRED, inferredGraph);
        for (SourceFiles.SourceFile f : sources.files()) {
            parseInto(staged, f);
        }
        long t0 = System.nanoTime();
        long inferred = materializer.run(staged);
        LOG.info("Inference: {} triples in {} ms", inferred, (System.nanoTime() - t0) / 1_000_000);
        // The shapes see the inferred sub-class types; a violation stops the load before the store is touched.
        ShapeValidator.validate(staged).throwIfViolated();
        return staged;
    }

    private static long parseInto(DatasetGraph dsg, SourceFiles.SourceFile f) {
        long t0 = System.nanoTime();
        CountingSink sink = new CountingSink(dsg, f.graph());
        String name = describe(f.path());
        boolean gzipped = f.path().getFileName().toString().endsWith(".gz");
        try (java.io.InputStream in = gzipped
                ? new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(f.path()), 1 << 16)
                : java.nio.file.Files.newInputStream(f.path())) {
            RDFParser.source(in)
                    .lang(f.lang())
                    .base(f.path().toUri().toString())
                    .errorHandler(new FailingErrorHandler(name))
                    .parse(sink);
        } catch (java.io.IOException e) {
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
        dsg.add(Graphs.META, s, NodeFactory.createURI(Namespaces.VOID + "triples"), integer(total));
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
