package org.cikg.store.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.cikg.config.KgProperties;
import org.cikg.remote.GraphStorePush;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.SystemQuery;
import org.cikg.store.Graphs;
import org.cikg.store.KnowledgeStore;
import org.cikg.store.statistics.StoreStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Loads {@code ontology/} and {@code data/} into the store: the {@link LoadStage} parses every file (strictly: a
 * syntax error or an ill-typed literal aborts the whole load with the file and line), materialises inferences and
 * validates the result against the SHACL shapes ({@link ShapeValidator}: a violation aborts the load); then one write
 * transaction replaces the graphs and records the data hash, the load time and the counts ({@link MetaGraph}),
 * writing only the difference from the previous contents. Readers keep the previous version until the commit (TDB2
 * MVCC), and an aborted load leaves it untouched.
 */
@Component
public class DataLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DataLoader.class);

    private final KnowledgeStore store;
    private final KgProperties props;
    private final QueryCatalog catalog;
    private final LoadStage stage;
    private final ReentrantLock oneLoadAtATime = new ReentrantLock();
    private final ApplicationEventPublisher events;

    public DataLoader(KnowledgeStore store, KgProperties props, QueryCatalog catalog) {
        this(store, props, catalog, event -> {});
    }

    /** As the service runs it: announces each committed load as a {@link StoreLoaded} event. */
    @Autowired
    public DataLoader(
            KnowledgeStore store, KgProperties props, QueryCatalog catalog, ApplicationEventPublisher events) {
        this.store = store;
        this.props = props;
        this.catalog = catalog;
        this.events = events;
        this.stage = LoadStage.fromRules(props.sparql().queries().resolve("inference"));
    }

    /** Loads when the store is empty or the files changed since the last load. */
    public LoadReport loadIfChanged() {
        return load(false);
    }

    /** Loads the files; unless {@code force}, skips the work when their hash equals the stored one. */
    public LoadReport load(boolean force) {
        store.requireWritable("Reload");
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
        SourceFiles sources = SourceFiles.scan(
                props.store().ontology(), props.store().data(), props.store().gazetteerFiles(), stage.ruleFiles());
        KnowledgeStore.StoreStatus before = store.status();
        if (!force && sources.hash().equals(before.hash())) {
            LOG.info(
                    "Store is up to date (data hash {}, loaded {}): nothing to load",
                    shortHash(sources.hash()),
                    before.loadedAt());
            return new LoadReport(
                    false,
                    0,
                    before.asserted(),
                    before.inferred(),
                    before.triples(),
                    before.hash(),
                    before.loadedAt(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
        LOG.info("Loading {} files (data hash {})", sources.files().size(), shortHash(sources.hash()));
        // Everything that can fail on bad data (parsing, inference, SHACL) runs on an in-memory copy first; the TDB2
        // write transaction below then only swaps the graphs. Aborting a large TDB2 write transaction leaves the node
        // table unusable for the next write in this JVM (TDBException NodeTableTRDF/Read), so bad data must never
        // reach one.
        LoadStage.Staged staged = stage.stage(sources);
        List<String> findings = GazetteerCheck.run(staged.dataset(), catalog.get(SystemQuery.GAZETTEER_CHECK));
        findings.forEach(f -> LOG.warn("Load report: {}", f));
        long asserted = staged.asserted();
        long inferred = staged.inferred().size();
        long total = staged.unionTriples(catalog);
        Instant loadedAt = Instant.now();
        if (store.isRemote()) {
            pushRemote(staged, loadedAt, total);
        } else {
            DatasetGraph dsg = store.writable();
            Txn.executeWrite(dsg, () -> {
                dsg.deleteAny(Graphs.META, Node.ANY, Node.ANY, Node.ANY);
                LoadStage.graphs(staged).forEach((g, graph) -> replace(dsg, g, graph));
                MetaGraph.write(dsg, sources.hash(), loadedAt, sources.files().size(), total, asserted, inferred);
            });
            StoreStatistics.write(store.dataset());
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        LoadReport report = new LoadReport(
                true, sources.files().size(), asserted, inferred, total, sources.hash(), loadedAt, elapsed, findings);
        LOG.info(
                "{} {} files: {} asserted + {} inferred triples ({} in the union) in {} ms, {} triples/s",
                store.isRemote() ? "Pushed to the remote store" : "Loaded",
                report.files(),
                asserted,
                inferred,
                total,
                elapsed.toMillis(),
                Math.round(report.triplesPerSecond()));
        return report;
    }

    /**
     * Makes graph {@code g} of {@code dsg} (in a write transaction) hold exactly the triples of {@code staged}: deletes
     * what is no longer there, then adds what is not there yet, so a reload that changes little writes little (and a
     * replicated writer records only the difference). Deletes come first: a literal TDB2 stores in its canonical form
     * ("1.5") that the staged graph holds in another ("1.50") is deleted and then added again, never lost. Triples with
     * blank nodes (SHACL lists, OWL restrictions) get new blank nodes at every parse; they are kept as they are when
     * they form the same graph as before (isomorphic), else replaced as a whole.
     */
    private static void replace(DatasetGraph dsg, Node g, Graph staged) {
        List<Triple> gone = new ArrayList<>();
        Graph oldBlank = GraphFactory.createDefaultGraph();
        Graph newBlank = GraphFactory.createDefaultGraph();
        dsg.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
            Triple t = q.asTriple();
            if (hasBlank(t)) {
                oldBlank.add(t);
            } else if (!staged.contains(t)) {
                gone.add(t);
            }
        });
        staged.find().filterKeep(DataLoader::hasBlank).forEachRemaining(newBlank::add);
        boolean sameBlank = oldBlank.isIsomorphicWith(newBlank);
        if (!sameBlank) {
            oldBlank.find().forEachRemaining(gone::add);
        }
        for (Triple t : gone) {
            dsg.delete(g, t.getSubject(), t.getPredicate(), t.getObject());
        }
        staged.find()
                .filterDrop(t -> sameBlank && hasBlank(t))
                .forEachRemaining(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
    }

    private static boolean hasBlank(Triple t) {
        return t.getSubject().isBlank() || t.getObject().isBlank();
    }

    /**
     * Remote mode: the same staged graphs, and the meta graph, go into staging graphs of the remote store and are
     * switched in with one update request ({@link GraphStorePush}), each count checked before and after.
     */
    private void pushRemote(LoadStage.Staged staged, Instant loadedAt, long total) {
        DatasetGraph meta = DatasetGraphFactory.createGeneral();
        SourceFiles sources = staged.sources();
        MetaGraph.write(
                meta,
                sources.hash(),
                loadedAt,
                sources.files().size(),
                total,
                staged.asserted(),
                staged.inferred().size());
        Map<Node, Graph> graphs = LoadStage.graphs(staged);
        graphs.put(Graphs.META, meta.getGraph(Graphs.META));
        new GraphStorePush(store.remote(), store.runner(), catalog).push(graphs);
    }

    private static String shortHash(String hash) {
        return hash == null ? "none" : hash.substring(0, Math.min(12, hash.length()));
    }
}
