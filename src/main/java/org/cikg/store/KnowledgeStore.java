package org.cikg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.cikg.config.KgProperties;
import org.cikg.problem.EmbeddedOnlyException;
import org.cikg.problem.ReadOnlyStoreException;
import org.cikg.remote.RemoteEndpoint;
import org.cikg.remote.RemoteRunner;
import org.cikg.sparql.QueryBounds;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.QueryRunner;
import org.cikg.sparql.SparqlRunner;
import org.cikg.sparql.SystemQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The store of the process: by default ({@code kg.store.mode=embedded}) the one TDB2 dataset, which Fuseki and the
 * facade share (TDB2 allows one JVM per store); with {@code kg.store.mode=remote}, a SPARQL 1.1 store reached over
 * HTTP ({@link RemoteEndpoint}). The facade reads only through {@link #runner()}, so it works the same over both.
 *
 * <p>Its default graph is the union of the named graphs in {@link Graphs}, so plain SPARQL sees asserted and
 * inferred triples alike, while {@code GRAPH <...inferred>} shows only what the rules added. Outbound
 * {@code SERVICE} calls are disabled in the dataset's context, and JSON-LD parsing never fetches a remote
 * {@code @context} ({@link NoRemoteDocuments}).
 */
@Component
public class KnowledgeStore implements DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeStore.class);

    private final DatasetGraph dataset;
    private final QueryRunner runner;
    private final QueryCatalog catalog;
    private final RemoteEndpoint remote;
    private final StoreWrites writes;
    private final DatasetGraph writable;

    public KnowledgeStore(KgProperties props, QueryCatalog catalog) {
        this(props, catalog, (StoreWrites) null);
    }

    /** As the service runs it: writes go through the {@link StoreWrites} bean when there is one. */
    @org.springframework.beans.factory.annotation.Autowired
    public KnowledgeStore(
            KgProperties props,
            QueryCatalog catalog,
            org.springframework.beans.factory.ObjectProvider<StoreWrites> writes) {
        this(props, catalog, writes.getIfAvailable());
    }

    /** A store whose writes go through {@code writes} (null: straight to the dataset). */
    public KnowledgeStore(KgProperties props, QueryCatalog catalog, StoreWrites writes) {
        this.catalog = catalog;
        this.writes = writes;
        if (props.store().isRemote()) {
            // kg.store.mode=remote: no TDB2 here; every query goes to the remote endpoint.
            this.dataset = null;
            this.remote = new RemoteEndpoint(props.store());
            this.runner = new RemoteRunner(
                    remote,
                    List.of(Graphs.ONTOLOGY, Graphs.DATA, Graphs.INFERRED, Graphs.META),
                    props.sparql().timeout());
            this.writable = null;
            LOG.info("Remote store: queries to {}", props.store().queryEndpoint());
            return;
        }
        this.remote = null;
        try {
            Files.createDirectories(props.store().location());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot create the store folder " + props.store().location(), e);
        }
        // connectDatasetGraph also removes the Data-NNNN-tmp folder an interrupted compaction leaves behind.
        try {
            this.dataset = DatabaseMgr.connectDatasetGraph(
                    props.store().location().toAbsolutePath().toString());
        } catch (DBOpEnvException e) {
            throw StoreLockedException.of(e, props.store().location())
                    .map(RuntimeException.class::cast)
                    .orElse(e);
        }
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
        dataset.getContext().set(ARQ.httpServiceAllowed, false);
        NoRemoteDocuments.apply(dataset.getContext());
        QueryBounds.apply(dataset.getContext(), props.sparql());
        // No ARQ.updateTimeout: with it set, Fuseki 5.6.0 intermittently cancels the later INSERT/DELETE WHERE steps
        // of a multi-step update and answers 500 (reproduced 26 times in 30 on a stand-alone Fuseki, 0 in 30 without;
        // found by the W3C update tests). Updates are admin-only; queries keep their timeout.
        this.runner = new SparqlRunner(dataset, props.sparql().timeout());
        this.writable = writes == null ? dataset : writes.wrap(dataset);
        LOG.info("Store open at {}", props.store().location().toAbsolutePath());
    }

    /** Whether the triples live in a remote SPARQL store ({@code kg.store.mode=remote}). */
    public boolean isRemote() {
        return remote != null;
    }

    /**
     * Refuses {@code operation} when the store is remote: it works on the embedded TDB2 files, which a remote store
     * does not have here.
     *
     * @param instead what to use on a remote store
     * @throws EmbeddedOnlyException in remote mode
     */
    public void requireEmbedded(String operation, String instead) {
        if (remote != null) {
            throw new EmbeddedOnlyException(operation + " works on the embedded TDB2 store, and this service's store "
                    + "is remote (kg.store.mode=remote, " + remote.config().queryEndpoint() + "): " + instead);
        }
    }

    /** The remote store's connection; only in remote mode. */
    public RemoteEndpoint remote() {
        if (remote == null) {
            throw new IllegalStateException("The store is embedded (kg.store.mode=embedded)");
        }
        return remote;
    }

    /** The embedded TDB2 dataset; only in embedded mode (the facade uses {@link #runner()}, which works in both). */
    public DatasetGraph dataset() {
        if (dataset == null) {
            throw new IllegalStateException("No embedded dataset: the store is remote (kg.store.mode=remote)");
        }
        return dataset;
    }

    /**
     * The embedded dataset as changes go through it: loads, restores, admin updates and Graph Store writes use this
     * one (the dataset itself, or the {@link StoreWrites} wrapper of a replicated writer); only in embedded mode.
     */
    public DatasetGraph writable() {
        dataset();
        return writable;
    }

    /** Why this process must not change its store (a read replica); empty when it may. */
    public Optional<String> writeRefusal() {
        return writes == null ? Optional.empty() : writes.refusal();
    }

    /**
     * Refuses {@code operation} when this process must not change its store (a read replica).
     *
     * @throws ReadOnlyStoreException naming the service that takes writes
     */
    public void requireWritable(String operation) {
        Optional<String> why = writeRefusal();
        if (why.isPresent()) {
            throw new ReadOnlyStoreException(operation + " refused: " + why.get());
        }
    }

    /**
     * Runs catalogue queries against this store with the configured timeout: in read transactions when embedded,
     * over HTTP when remote; {@link QueryRunner#read} groups several queries.
     */
    public QueryRunner runner() {
        return runner;
    }

    /** The query catalogue the store's own queries ({@link #status()}) come from. */
    public QueryCatalog catalog() {
        return catalog;
    }

    /** What the meta graph says about the last load; empty counts and no hash for a store never loaded. */
    public StoreStatus status() {
        Optional<Binding> row = runner.select(catalog.get(SystemQuery.STORE_STATUS), java.util.Map.of())
                .first();
        if (row.isEmpty()) {
            return StoreStatus.EMPTY;
        }
        Binding b = row.get();
        return new StoreStatus(
                longOf(b.get("triples")),
                longOf(b.get("asserted")),
                longOf(b.get("inferred")),
                Optional.ofNullable(b.get("loadedAt"))
                        .map(n -> Instant.parse(n.getLiteralLexicalForm()))
                        .orElse(null),
                Optional.ofNullable(b.get("hash"))
                        .map(Node::getLiteralLexicalForm)
                        .orElse(null),
                (int) longOf(b.get("files")));
    }

    private static long longOf(Node n) {
        return n == null ? 0 : Long.parseLong(n.getLiteralLexicalForm());
    }

    @Override
    public void destroy() {
        LOG.info("Closing store");
        if (remote != null) {
            remote.close();
            return;
        }
        dataset.close();
        try {
            org.apache.jena.tdb2.sys.TDBInternal.expel(dataset);
        } catch (org.apache.jena.dboe.transaction.txn.TransactionException e) {
            // A reader still running at shutdown (a background index build, a slow request): nothing committed is at
            // risk, TDB2 recovers from its journal on the next open. Release the files anyway.
            LOG.warn("Store closed with readers still active ({}); releasing it", e.getMessage());
            org.apache.jena.tdb2.sys.TDBInternal.expel(dataset, true);
        }
    }

    /**
     * The state of the store.
     *
     * @param triples  triples in the union default graph
     * @param asserted triples loaded from files
     * @param inferred triples materialised by the rules
     * @param loadedAt when the current contents were loaded (null: never)
     * @param hash     the data hash of the loaded files (null: never loaded)
     * @param files    how many files were loaded
     */
    public record StoreStatus(long triples, long asserted, long inferred, Instant loadedAt, String hash, int files) {
        static final StoreStatus EMPTY = new StoreStatus(0, 0, 0, null, null, 0);
    }
}
