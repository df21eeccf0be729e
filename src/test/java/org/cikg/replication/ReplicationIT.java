package org.cikg.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cikg.query.GoldenQueriesIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.provider.Arguments;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

/**
 * One writer and two read replicas in this JVM, over spring-kafka-test's embedded KRaft broker (loopback, no Docker):
 * changes made on the writer (a reload, an admin update, Graph Store writes) reach both replicas with identical
 * contents; replicas refuse writes; a reader never sees half a change; a replica started late bootstraps from a
 * backup plus the log; a replica JVM killed while applying a large change converges when restarted, the change
 * applied exactly once. The tests build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicationIT {
    private static final Duration WAIT = Duration.ofSeconds(300);
    private static final String BULK = "https://example.org/it/bulk";
    private static final String BIG = "https://example.org/it/big";
    private static final int BIG_SIZE = 50_000;
    /** A row of {@code ?m ?n} in SPARQL JSON results. */
    private static final Pattern COUNT_ROW = Pattern.compile("\"m\"\\s*:\\s*\\{[^}]*\"value\"\\s*:\\s*\"(\\w+)\"[^}]*}"
            + "\\s*,\\s*\"n\"\\s*:\\s*\\{[^}]*\"value\"\\s*:\\s*\"(\\d+)\"");

    private static EmbeddedKafkaKraftBroker kafka;
    private static Path work;
    private static String topic;
    private static ClusterNode writer;
    private static ClusterNode a;
    private static ClusterNode b;
    private static ClusterNode late;

    @BeforeAll
    static void start() throws IOException {
        kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.afterPropertiesSet();
        work = Files.createDirectories(Path.of("target/it-replication"))
                .resolve(UUID.randomUUID().toString());
        Path data = Files.createDirectories(work.resolve("data"));
        try (Stream<Path> files = Files.walk(Path.of("data"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = data.resolve(Path.of("data").relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        topic = "cikg-it-" + UUID.randomUUID();
        writer = ClusterNode.start(
                "writer",
                Map.of(
                        "kg.replication.role",
                        "writer",
                        "kg.store.location",
                        work.resolve("writer").toString(),
                        "kg.store.data",
                        data.toString(),
                        "kg.store.backups",
                        work.resolve("backups").toString(),
                        "kg.replication.bootstrap-servers",
                        kafka.getBrokersAsString(),
                        "kg.replication.topic",
                        topic,
                        "kg.sparql.max-upload",
                        "64MB"));
        ClusterNode.await("the writer's start-up load to be published", WAIT, () -> writer.publishedVersion() >= 1);
        a = replica("a", Map.of());
        b = replica("b", Map.of());
    }

    private static ClusterNode replica(String name, Map<String, String> more) {
        Map<String, String> p = new java.util.HashMap<>(replicaProperties(name));
        p.putAll(more);
        return ClusterNode.start(name, p);
    }

    static Map<String, String> replicaProperties(String name) {
        return Map.of(
                "kg.replication.role",
                "replica",
                "kg.store.location",
                work.resolve(name).toString(),
                "kg.replication.bootstrap-servers",
                kafka.getBrokersAsString(),
                "kg.replication.topic",
                topic,
                "kg.replication.writer-url",
                "http://localhost:" + writer.port);
    }

    @AfterAll
    static void stop() {
        for (ClusterNode n : new ClusterNode[] {late, b, a, writer}) {
            if (n != null) {
                n.close();
            }
        }
        if (kafka != null) {
            kafka.destroy();
        }
    }

    /** The writer's version once published, and both replicas (and any others given) at it. */
    private static long converged(ClusterNode... replicas) {
        long[] v = new long[1];
        ClusterNode.await("the writer to publish", WAIT, () -> (v[0] = writer.publishedVersion()) > 0);
        for (ClusterNode r : replicas) {
            ClusterNode.await(r.name + " to apply change " + v[0], WAIT, () -> r.appliedVersion() == v[0]);
        }
        return v[0];
    }

    @Test
    @Order(1)
    void aReloadOnTheWriterReachesBothReplicasWithIdenticalContents() throws IOException {
        long before = converged(a, b);
        Files.writeString(
                writer.context
                        .getBean(org.cikg.config.KgProperties.class)
                        .store()
                        .data()
                        .resolve("it-probe.ttl"),
                """
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                <https://w3id.org/cikg/id/zyxwvu-replication-probe> rdfs:label "Zyxwvu replication probe"@en .
                """);
        HttpResponse<String> reload = writer.post("/admin/reload");
        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
        long v = converged(a, b);
        assertThat(v).isEqualTo(before + 1);

        JsonNode w = writer.health().get("components").get("store").get("details");
        for (ClusterNode r : List.of(a, b)) {
            JsonNode s = r.health().get("components").get("store").get("details");
            assertThat(s.get("triples").asLong()).isEqualTo(w.get("triples").asLong());
            assertThat(s.get("dataHash").asString()).isEqualTo(w.get("dataHash").asString());
            assertThat(s.get("lastLoad").asString()).isEqualTo(w.get("lastLoad").asString());
            sameContents(r);
            // What derives from the data followed the load: the search index has the new name.
            ClusterNode.await(
                    r.name + "'s search index to follow the load",
                    WAIT,
                    () -> ClusterNode.send(HttpRequest.newBuilder(URI.create(r.url("/api/search?q=zyxwvu")))
                                    .GET()
                                    .build())
                            .body()
                            .contains("zyxwvu-replication-probe"));
        }
        List<Arguments> cases;
        try (Stream<Arguments> s = GoldenQueriesIT.cases()) {
            cases = s.toList();
        }
        assertThat(cases).hasSizeGreaterThan(10);
        for (ClusterNode r : List.of(a, b)) {
            for (Arguments c : cases) {
                GoldenQueriesIT.assertCase(r::url, (String) c.get()[0], (JsonNode) c.get()[1]);
            }
        }
    }

    @Test
    @Order(2)
    void anAdminUpdateReachesBothReplicas() {
        long before = converged(a, b);
        String ask = "ASK { <https://w3id.org/cikg/id/deepseek> <https://example.org/it/checked> true }";
        assertThat(a.query(ask).body()).contains("false");
        HttpResponse<String> u = writer.update("INSERT DATA { GRAPH <https://w3id.org/cikg/graph/data> { "
                + "<https://w3id.org/cikg/id/deepseek> <https://example.org/it/checked> true } }");
        assertThat(u.statusCode()).as(u.body()).isLessThan(300);
        assertThat(converged(a, b)).isEqualTo(before + 1);
        for (ClusterNode r : List.of(a, b)) {
            assertThat(r.query(ask).body()).contains("true");
            sameContents(r);
        }
    }

    @Test
    @Order(3)
    void writesToAReplicaAreRefusedWith409NamingTheWriter() {
        String writerUrl = "http://localhost:" + writer.port;
        HttpResponse<String> reload = a.post("/admin/reload");
        assertThat(reload.statusCode()).isEqualTo(409);
        assertThat(reload.headers().firstValue("Content-Type")).get().asString().contains("problem+json");
        assertThat(reload.body()).contains("Read-only replica").contains(writerUrl);

        HttpResponse<String> update = a.update("INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }");
        assertThat(update.statusCode()).isEqualTo(409);
        assertThat(update.headers().firstValue("Content-Type")).get().asString().contains("problem+json");
        assertThat(update.body()).contains(writerUrl);

        HttpResponse<String> put =
                ClusterNode.send(HttpRequest.newBuilder(URI.create(a.fuseki("/kg/data?graph=" + BULK)))
                        .header("Authorization", ClusterNode.AUTH)
                        .header("Content-Type", "text/turtle")
                        .PUT(HttpRequest.BodyPublishers.ofString("<urn:x:s> <urn:x:p> <urn:x:o> ."))
                        .build());
        assertThat(put.statusCode()).isEqualTo(409);
        assertThat(put.body()).contains(writerUrl);
        assertThat(a.query("ASK { <urn:x:s> ?p ?o }").body()).contains("false");
        assertThat(a.health().get("status").asString()).isEqualTo("UP");
    }

    @Test
    @Order(4)
    void aReaderOnAReplicaNeverSeesHalfAChange() throws Exception {
        converged(a, b);
        int n = 5_000;
        String count = "SELECT ?m (COUNT(*) AS ?n) WHERE { GRAPH <" + BULK + "> { ?s <https://example.org/it/m> ?m } }"
                + " GROUP BY ?m";
        Set<String> seen = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                HttpResponse<String> r = a.query(count);
                Matcher m = COUNT_ROW.matcher(r.body());
                List<String> state = new ArrayList<>();
                while (m.find()) {
                    state.add(m.group(1) + "=" + m.group(2));
                }
                seen.add(String.join(",", state.stream().sorted().toList()));
            }
        });
        reader.start();
        try {
            assertThat(gspPut(BULK, bulk("old", n)).statusCode()).isLessThan(300);
            converged(a, b);
            assertThat(gspPut(BULK, bulk("new", n)).statusCode()).isLessThan(300);
            converged(a, b);
            // Until the reader has seen the new state (it asks in a loop), at most 10 s: a wait on what it saw,
            // not a guess at how long one read takes.
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!seen.contains("new=" + n) && System.nanoTime() < end) {
                Thread.sleep(20);
            }
        } finally {
            reading.set(false);
            reader.join(30_000);
        }
        assertThat(seen).as("every state a reader saw").isSubsetOf("", "old=" + n, "new=" + n);
        assertThat(seen).as("the reader saw the change happen").contains("new=" + n);
        sameContents(a);
    }

    @Test
    @Order(5)
    void aReplicaStartedAfterThreeChangesBootstrapsFromABackupPlusTheLog() throws Exception {
        long atBackup = converged(a, b);
        assertThat(atBackup).isGreaterThanOrEqualTo(3);
        HttpResponse<String> backup = writer.post("/admin/backup");
        assertThat(backup.statusCode()).as(backup.body()).isEqualTo(200);
        String file = backup.body().replaceAll(".*\"file\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> u = writer.update("INSERT DATA { GRAPH <https://w3id.org/cikg/graph/data> { "
                + "<https://w3id.org/cikg/id/deepseek> <https://example.org/it/after-backup> 1 } }");
        assertThat(u.statusCode()).isLessThan(300);
        late = replica(
                "late",
                Map.of(
                        "kg.replication.bootstrap-from",
                        work.resolve("backups").resolve(file).toString()));
        long v = converged(a, b, late);
        assertThat(v).isEqualTo(atBackup + 1);
        assertThat(late.replication().get("start").asString())
                .contains("bootstrapped from " + file)
                .contains("at change " + atBackup);
        sameContents(late);
        assertThat(late.query("ASK { ?s <https://example.org/it/after-backup> 1 }")
                        .body())
                .contains("true");
    }

    @Test
    @Order(6)
    void aReplicaKilledWhileApplyingALargeChangeConvergesWithTheChangeAppliedOnce() throws Exception {
        // Three in-process replicas are not needed any more: give the child process the machine.
        for (ClusterNode n : new ClusterNode[] {late, b, a}) {
            n.close();
        }
        late = null;
        b = null;
        a = null;
        ChildReplica child = new ChildReplica(work.resolve("child"), replicaProperties("child"));
        try {
            long before = converged();
            child.start();
            ClusterNode.await("the child replica to catch up", WAIT, () -> child.appliedVersion() == before);
            // Into a graph of its own: more quads than the store holds, all added (sent as a patch, not a snapshot).
            assertThat(gspPut(BIG, bulk("big", BIG_SIZE)).statusCode()).isLessThan(300);
            long big = converged();
            assertThat(big).isEqualTo(before + 1);
            child.awaitLog("Applying change " + big + " ", WAIT);
            child.kill();
            assertThat(child.log()).doesNotContain("Applied change " + big + " ");

            child.start();
            ClusterNode.await("the restarted child to apply change " + big, WAIT, () -> child.appliedVersion() == big);
            String log = child.log();
            assertThat(log)
                    .as("the kill came before the commit: the restart resumed at the change before")
                    .contains("resumed at change " + before + " ");
            assertThat(Pattern.compile("Applied change " + big + " ")
                            .matcher(log)
                            .results()
                            .count())
                    .isEqualTo(1);
            String perGraph = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g";
            assertThat(child.query(perGraph).body())
                    .isEqualTo(writer.query(perGraph).body());
            assertThat(child.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + BIG + "> { ?s ?p ?o } }")
                            .body())
                    .contains("\"" + BIG_SIZE + "\"");
        } finally {
            child.stop();
        }
    }

    /** The replica holds exactly the writer's quads. */
    private static void sameContents(ClusterNode r) {
        java.util.TreeSet<String> mine = r.contents();
        java.util.TreeSet<String> theirs = writer.contents();
        java.util.TreeSet<String> onlyMine = new java.util.TreeSet<>(mine);
        onlyMine.removeAll(theirs);
        java.util.TreeSet<String> onlyTheirs = new java.util.TreeSet<>(theirs);
        onlyTheirs.removeAll(mine);
        assertThat(onlyMine).as(r.name + " has, the writer has not").isEmpty();
        assertThat(onlyTheirs).as("the writer has, " + r.name + " has not").isEmpty();
        assertThat(r.contentHash()).isEqualTo(writer.contentHash());
    }

    private static String bulk(String marker, int n) {
        StringBuilder sb = new StringBuilder(n * 64);
        for (int i = 0; i < n; i++) {
            sb.append("<https://example.org/it/")
                    .append(marker)
                    .append('/')
                    .append(i)
                    .append("> <https://example.org/it/m> \"")
                    .append(marker)
                    .append("\" .\n");
        }
        return sb.toString();
    }

    private static HttpResponse<String> gspPut(String graph, String ntriples) {
        return ClusterNode.send(HttpRequest.newBuilder(URI.create(writer.fuseki("/kg/data?graph=" + graph)))
                .header("Authorization", ClusterNode.AUTH)
                .header("Content-Type", "application/n-triples")
                .timeout(Duration.ofMinutes(5))
                .PUT(HttpRequest.BodyPublishers.ofString(ntriples))
                .build());
    }
}
