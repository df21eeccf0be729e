package org.cikg.replication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.cikg.CikgApplication;
import org.cikg.fuseki.FusekiEndpoints;
import org.cikg.store.KnowledgeStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One service of a test cluster (writer or replica), run in the test's JVM on port 0 with its own store. */
final class ClusterNode implements AutoCloseable {
    static final String PASSWORD = "it-secret";
    static final String AUTH =
            "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final String name;
    final ConfigurableApplicationContext context;
    final int port;
    final int fusekiPort;

    private ClusterNode(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.fusekiPort = context.getBean(FusekiEndpoints.class).port();
    }

    /** Starts a service with the test defaults (ports 0, admin password) and {@code properties} on top. */
    static ClusterNode start(String name, Map<String, String> properties) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--kg.fuseki.port=0",
                "--kg.admin.password=" + PASSWORD,
                "--kg.replication.retry=500ms"));
        properties.forEach((k, v) -> args.add("--" + k + "=" + v));
        ConfigurableApplicationContext ctx =
                new SpringApplicationBuilder(CikgApplication.class).run(args.toArray(String[]::new));
        return new ClusterNode(name, ctx);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    String sparql() {
        return "http://localhost:" + fusekiPort + "/kg/sparql";
    }

    String fuseki(String path) {
        return "http://localhost:" + fusekiPort + path;
    }

    JsonNode health() {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                        .header("Accept", "application/json")
                        .GET()
                        .build())
                .body());
    }

    JsonNode replication() {
        return health().get("components").get("replication").get("details");
    }

    /** The writer's change sequence once everything is published; -1 while changes wait in its outbox. */
    long publishedVersion() {
        JsonNode d = replication();
        return d.get("unpublishedChanges").asLong() == 0 ? d.get("version").asLong() : -1;
    }

    long appliedVersion() {
        return replication().get("appliedVersion").asLong();
    }

    /** Every quad of the store, as sorted lines (blank node labels included: replicas keep the writer's). */
    TreeSet<String> contents() {
        DatasetGraph dsg = context.getBean(KnowledgeStore.class).dataset();
        return Txn.calculateRead(dsg, () -> {
            TreeSet<String> out = new TreeSet<>();
            dsg.find().forEachRemaining(q -> out.add(q.toString()));
            return out;
        });
    }

    /** {@link #contents()}, counted and hashed. */
    String contentHash() {
        TreeSet<String> lines = contents();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            lines.forEach(l -> sha.update((l + "\n").getBytes(StandardCharsets.UTF_8)));
            return lines.size() + ":" + HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> query(String sparql) {
        return send(HttpRequest.newBuilder(URI.create(sparql()))
                .header("Accept", "application/sparql-results+json")
                .header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofString(sparql))
                .build());
    }

    HttpResponse<String> update(String update) {
        return send(HttpRequest.newBuilder(URI.create(fuseki("/kg/update")))
                .header("Authorization", AUTH)
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString(update))
                .build());
    }

    HttpResponse<String> post(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", AUTH)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void await(String what, Duration limit, BooleanSupplier done) {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Timed out after " + limit + " waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
