package org.cikg.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.update.UpdateAction;
import org.cikg.config.KgProperties;
import org.cikg.sparql.QueryCatalog;
import org.cikg.store.Graphs;
import org.cikg.store.KnowledgeStore;
import org.cikg.store.backup.StoreBackup;
import org.cikg.store.load.DataLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The writer's side without a broker: every committed write transaction through the capturing dataset becomes one
 * numbered change in the outbox, holding exactly what changed, and applying the outbox's patches (or restoring its
 * snapshot) to an empty store gives the writer's contents.
 */
class ChangeCaptureTest {
    private static final String DATA = Graphs.DATA.getURI();

    @TempDir
    Path root;

    private KgProperties props;
    private QueryCatalog catalog;
    private ChangeCapture capture;
    private KnowledgeStore store;
    private DataLoader loader;

    @BeforeEach
    void open() throws IOException {
        Path ontology = Files.createDirectories(root.resolve("ontology"));
        Path data = Files.createDirectories(root.resolve("data"));
        try (Stream<Path> files = Files.list(Path.of("ontology"))) {
            for (Path f : files.toList()) {
                Files.copy(f, ontology.resolve(f.getFileName()));
            }
        }
        try (InputStream in = getClass().getResourceAsStream("/fixture/mini.ttl")) {
            Files.copy(in, data.resolve("mini.ttl"));
        }
        props = new KgProperties(
                new KgProperties.Store(root.resolve("tdb2"), ontology, data),
                new KgProperties.Sparql(Duration.ofSeconds(10), Path.of("queries")),
                new KgProperties.Fuseki(false, 0),
                new KgProperties.Admin("admin", ""));
        catalog = new QueryCatalog(props);
        reopen();
    }

    private void reopen() {
        capture = new ChangeCapture(props, replication());
        store = new KnowledgeStore(props, catalog, capture);
        loader = new DataLoader(store, props, catalog);
    }

    private static ReplicationProperties replication() {
        return new ReplicationProperties(
                ReplicationProperties.Role.WRITER,
                "localhost:9",
                "t",
                "",
                "",
                Duration.ofMinutes(5),
                DataSize.ofKilobytes(512),
                Duration.ofSeconds(1),
                (short) 1,
                3,
                "");
    }

    @AfterEach
    void close() {
        store.destroy();
    }

    @Test
    void aLoadIsOneNumberedChangeThatRebuildsTheStoreElsewhere() throws IOException {
        loader.load(false);
        List<Change> pending = capture.outbox().pending();
        assertThat(pending).hasSize(1);
        Change c = pending.get(0);
        assertThat(c.sequence()).isEqualTo(1);
        assertThat(c.kind()).isEqualTo(Change.LOAD);
        assertThat(c.form()).isEqualTo(Change.PATCH);
        assertThat(c.deletes()).isZero();
        assertThat(LogPosition.readCommitted(store.dataset()).sequence()).isEqualTo(1);

        DatasetGraph copy = DatabaseMgr.createDatasetGraph();
        apply(copy, capture.outbox().patchOf(c));
        Txn.executeWrite(copy, () -> LogPosition.setSequence(copy, 1));
        assertThat(quads(copy)).isEqualTo(quads(store.dataset()));
        assertThat(Files.readString(capture.outbox().patchOf(c))).startsWith("H id <urn:uuid:" + c.id() + ">");
    }

    @Test
    void anUpdateRecordsOnlyWhatReallyChangedAndItsWhereSeesTheUnion() throws IOException {
        loader.load(false);
        Change load = capture.outbox().pending().get(0);
        capture.outbox().remove(load);
        // The WHERE names no graph: it matches the union default graph only through TDB2's query engine.
        update("""
                PREFIX cikg: <https://w3id.org/cikg/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                DELETE { GRAPH <%s> { ?s rdfs:label ?l } } INSERT { GRAPH <%s> { ?s rdfs:label "Unitree"@en } }
                WHERE { ?s a cikg:Startup ; rdfs:label ?l } ;
                INSERT DATA { GRAPH <%s> { <https://w3id.org/cikg/id/china> a cikg:Country } }
                """.formatted(DATA, DATA, DATA));
        List<Change> pending = capture.outbox().pending();
        assertThat(pending).hasSize(1);
        Change c = pending.get(0);
        assertThat(c.sequence()).isEqualTo(2);
        assertThat(c.kind()).isEqualTo(Change.UPDATE);
        // The label replaced; the type of China was already there, so it is not part of the change.
        assertThat(c.adds()).isEqualTo(1);
        assertThat(c.deletes()).isEqualTo(1);
        String patch = Files.readString(capture.outbox().patchOf(c));
        assertThat(patch)
                .contains("D <https://w3id.org/cikg/id/unitree-robotics>", "\"Unitree Robotics\"@en")
                .contains("A <https://w3id.org/cikg/id/unitree-robotics>", "\"Unitree\"@en")
                .doesNotContain("id/china");

        update("INSERT DATA { GRAPH <" + DATA + "> { <https://w3id.org/cikg/id/china> a "
                + "<https://w3id.org/cikg/ontology#Country> } }");
        assertThat(capture.outbox().pending())
                .as("a write that changes nothing is no change")
                .hasSize(1);
        assertThat(LogPosition.readCommitted(store.dataset()).sequence()).isEqualTo(2);
    }

    @Test
    void queriesThroughTheWrapperSeeTheUnionDefaultGraph() {
        loader.load(false);
        String count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
        long viaWrapper = Txn.calculateRead(store.writable(), () -> {
            try (QueryExecution q = QueryExecutionFactory.create(count, DatasetFactory.wrap(store.writable()))) {
                return q.execSelect().next().getLiteral("n").getLong();
            }
        });
        long direct = Txn.calculateRead(store.dataset(), () -> {
            try (QueryExecution q = QueryExecutionFactory.create(count, DatasetFactory.wrap(store.dataset()))) {
                return q.execSelect().next().getLiteral("n").getLong();
            }
        });
        assertThat(viaWrapper).isGreaterThan(50).isEqualTo(direct);
    }

    @Test
    void aReloadOfUnchangedFilesOnlyRewritesTheMetaGraph() {
        loader.load(false);
        loader.load(true);
        Change c = capture.outbox().pending().get(1);
        assertThat(c.kind()).isEqualTo(Change.LOAD);
        assertThat(c.operations()).as("the load time and counts, not the data").isLessThan(20);
    }

    @Test
    void aChangeLargerThanTheStoreIsSentAsASnapshotThatRestoresElsewhere() throws IOException {
        loader.load(false);
        DatasetGraph w = store.writable();
        Node g = NodeFactory.createURI("https://example.org/bulk");
        Node p = NodeFactory.createURI("https://example.org/p");
        Txn.executeWrite(w, () -> {
            w.deleteAny(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
            for (int i = 0; i < ChangeCapture.SNAPSHOT_CONSIDERED + 10; i++) {
                w.add(
                        g,
                        NodeFactory.createURI("https://example.org/s" + i),
                        p,
                        NodeFactory.createLiteralString("v" + i));
            }
        });
        Change c = capture.outbox().pending().get(1);
        assertThat(c.form()).isEqualTo(Change.SNAPSHOT);
        assertThat(c.operations()).isGreaterThan(c.quadsAfter());
        assertThat(Files.exists(capture.outbox().patchOf(c))).isFalse();
        SnapshotStore.Snapshot s = capture.snapshots().find(c.snapshot()).orElseThrow();
        assertThat(s.sha256()).isEqualTo(c.snapshotSha256());
        assertThat(s.sequence()).isEqualTo(2);

        KgProperties other = new KgProperties(
                new KgProperties.Store(
                        root.resolve("other"),
                        props.store().ontology(),
                        props.store().data()),
                props.sparql(),
                props.fuseki(),
                props.admin());
        KnowledgeStore copy = new KnowledgeStore(other, catalog);
        try {
            new StoreBackup(copy, new org.cikg.store.backup.BackupSettings(root.resolve("b"))).restore(s.file());
            assertThat(quads(copy.dataset())).isEqualTo(quads(store.dataset()));
            assertThat(LogPosition.readCommitted(copy.dataset()).sequence()).isEqualTo(2);
        } finally {
            copy.destroy();
        }
    }

    @Test
    void anAbortedOrUncommittedChangeLeavesNothingToPublish() {
        loader.load(false);
        DatasetGraph w = store.writable();
        w.begin(org.apache.jena.query.TxnType.WRITE);
        w.add(
                Graphs.DATA,
                NodeFactory.createURI("https://example.org/x"),
                NodeFactory.createURI("https://example.org/p"),
                NodeFactory.createURI("https://example.org/y"));
        w.abort();
        w.end();
        assertThat(capture.outbox().pending()).hasSize(1);
        // A change prepared but never committed (a crash between the outbox and TDB2's commit) is dropped on reopening.
        Change ghost =
                new Change(2, "ghost", Change.UPDATE, Change.PATCH, 1, 0, 10, "", "", 0, -1, java.time.Instant.now());
        capture.outbox().put(ghost, writeTemp());
        store.destroy();
        reopen();
        assertThat(capture.outbox().pending()).extracting(Change::sequence).containsExactly(1L);
    }

    @Test
    void writesOutsideATransactionOfTheWrapperAreRefused() {
        DatasetGraph w = store.writable();
        assertThatThrownBy(() -> w.add(Graphs.DATA, Graphs.DATASET, Graphs.DATASET, Graphs.DATASET))
                .isInstanceOf(org.apache.jena.sparql.JenaTransactionException.class);
    }

    @Test
    void chunksEndAtLineEndsAndPutTheFileBackTogether() throws IOException {
        Path f = root.resolve("p.rdfp");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            sb.append("A <s")
                    .append(i)
                    .append("> <p> \"")
                    .append("x".repeat(i % 97))
                    .append("\" .\n");
        }
        Files.writeString(f, sb);
        List<long[]> ranges = ChangePublisher.chunks(f, 1000);
        byte[] all = Files.readAllBytes(f);
        StringBuilder back = new StringBuilder();
        for (long[] r : ranges) {
            String part = new String(all, (int) r[0], (int) (r[1] - r[0]));
            assertThat(part.length()).isLessThanOrEqualTo(1000);
            assertThat(part).endsWith(".\n");
            back.append(part);
        }
        assertThat(back.toString()).isEqualTo(sb.toString());
        assertThat(ranges.size()).isGreaterThan(10);
    }

    private Path writeTemp() {
        try {
            Path p = Files.createTempFile(root, "ghost", ".rdfp");
            Files.writeString(p, "TX .\nTC .\n");
            return p;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void update(String text) {
        DatasetGraph w = store.writable();
        Txn.executeWrite(w, () -> UpdateAction.parseExecute(text, w));
    }

    private static void apply(DatasetGraph dsg, Path patch) throws IOException {
        try (InputStream in = Files.newInputStream(patch)) {
            var p = RDFPatchOps.read(in);
            Txn.executeWrite(
                    dsg,
                    () -> p.apply(new org.apache.jena.rdfpatch.changes.RDFChangesBase() {
                        @Override
                        public void add(Node g, Node s, Node pr, Node o) {
                            dsg.add(Recording.graph(g), s, pr, o);
                        }

                        @Override
                        public void delete(Node g, Node s, Node pr, Node o) {
                            dsg.delete(Recording.graph(g), s, pr, o);
                        }
                    }));
        }
    }

    private static Set<String> quads(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
                    Set<String> out = new java.util.TreeSet<>();
                    dsg.find()
                            .forEachRemaining(q -> out.add(q.getGraph() + " " + q.getSubject() + " " + q.getPredicate()
                                    + " " + q.getObject()));
                    return out;
                })
                .stream()
                .filter(s -> !s.startsWith(LogPosition.GRAPH.getURI() + " " + LogPosition.DATASET.getURI() + " "
                        + LogPosition.OFFSET.getURI()))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    @SuppressWarnings("unused")
    private static final Quad UNUSED = null;
}
