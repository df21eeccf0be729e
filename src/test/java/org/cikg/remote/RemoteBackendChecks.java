package org.cikg.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a remote backend adds to {@link StoreBackendChecks}: a reload that readers of the store see all at once (the
 * live graphs never change count while a forced reload of the same files runs, though its staging graphs fill
 * meanwhile), stale staging graphs dropped by the next load, pages that name the remote query endpoint, and the
 * embedded-only operations refused with 409.
 */
abstract class RemoteBackendChecks extends StoreBackendChecks {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String G = "https://w3id.org/cikg/graph/";
    private static final List<String> LIVE = List.of(G + "ontology", G + "data", G + "inferred", G + "meta");

    @Override
    protected boolean readsAsOfAYear() {
        return false;
    }

    /** The store's query endpoint, as the service is configured with it. */
    abstract String storeQueryEndpoint();

    /** The store's update endpoint (the service registered its credentials with Jena for this URL). */
    abstract String storeUpdateEndpoint();

    @Test
    void forcedReloadSwitchesEveryGraphAtOnceAndDropsStaleStagingGraphs() throws Exception {
        Map<String, Long> before = graphCounts();
        assertThat(before.keySet()).containsAll(LIVE);
        JsonNode healthBefore = health().get("components").get("store").get("details");
        // A load that died half-way leaves staging graphs behind; the next load must not switch them in.
        UpdateExecHTTP.service(storeUpdateEndpoint())
                .update("INSERT DATA { GRAPH <" + G + "data/staging> { "
                        + "<urn:x:stale> <urn:x:p> \"left by a failed load\" } }")
                .execute();
        assertThat(graphCounts()).containsEntry(G + "data/staging", 1L);

        AtomicBoolean loading = new AtomicBoolean(true);
        CompletableFuture<List<Map<String, Long>>> reader = CompletableFuture.supplyAsync(() -> {
            List<Map<String, Long>> seen = new ArrayList<>();
            while (loading.get()) {
                seen.add(graphCounts());
            }
            return seen;
        });
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(facade("/admin/reload?force=true")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:it-secret".getBytes()))
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        loading.set(false);
        List<Map<String, Long>> seen = reader.get();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("loaded").asBoolean()).isTrue();

        assertThat(seen)
                .as("the reader ran while the staging graphs filled")
                .anySatisfy(counts ->
                        assertThat(counts.getOrDefault(G + "data/staging", 0L)).isGreaterThan(1L));
        for (Map<String, Long> counts : seen) {
            for (String g : LIVE) {
                assertThat(counts.get(g))
                        .as("live graph %s during the reload", g)
                        .isEqualTo(before.get(g));
            }
        }
        Map<String, Long> after = graphCounts();
        assertThat(after).containsOnlyKeys(LIVE);
        assertThat(after).isEqualTo(before);
        JsonNode healthAfter = health().get("components").get("store").get("details");
        for (String k : List.of("triples", "assertedTriples", "inferredTriples")) {
            assertThat(healthAfter.get(k).asLong())
                    .as(k)
                    .isEqualTo(healthBefore.get(k).asLong());
        }
        assertThat(healthAfter.get("dataHash").asString())
                .isEqualTo(healthBefore.get("dataHash").asString());
    }

    @Test
    void pagesNameTheRemoteQueryEndpoint() {
        String endpoint = storeQueryEndpoint();
        String home = get(facade("/"), "text/html").body();
        // the home page names the endpoint as text for tools (a browser following a link to it would get a 404
        // page from the store); people are sent to the workbench
        assertThat(home)
                .contains(">" + endpoint + "</code>")
                .doesNotContain(":-1")
                .doesNotContain("/kg/get");
        assertThat(get(facade("/sparql-ui"), "text/html").body()).contains("data-endpoint=\"" + endpoint + "\"");
        assertThat(get(facade("/page/deepseek"), "text/html").body())
                .contains("href=\"" + endpoint + "?query=")
                .doesNotContain(":-1");
        assertThat(get(facade("/.well-known/void"), "text/turtle").body()).contains("<" + endpoint + ">");
    }

    @Test
    void backupAndCompactionAreRefusedWith409NamingTheRemoteStore() {
        for (String path : List.of("/admin/backup", "/admin/compact")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(facade(path)))
                    .header(
                            "Authorization",
                            "Basic " + Base64.getEncoder().encodeToString("admin:it-secret".getBytes()))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build());
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(409);
            assertThat(r.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(r.body());
            assertThat(problem.get("title").asString()).isEqualTo("Not available with a remote store");
            assertThat(problem.get("detail").asString())
                    .contains("kg.store.mode=remote")
                    .contains(storeQueryEndpoint())
                    .contains("own tools");
        }
    }

    /** Triples per graph, the four live graphs and their staging graphs, read straight from the store. */
    private Map<String, Long> graphCounts() {
        StringBuilder values = new StringBuilder();
        for (String g : LIVE) {
            values.append(" <").append(g).append("> <").append(g).append("/staging>");
        }
        String q = "SELECT ?g (COUNT(*) AS ?n) WHERE { VALUES ?g {" + values + " } GRAPH ?g { ?s ?p ?o } } GROUP BY ?g";
        HttpResponse<String> r = postForm(storeQueryEndpoint(), "application/sparql-results+json", "query", q);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Map<String, Long> counts = new HashMap<>();
        JSON.readTree(r.body())
                .get("results")
                .get("bindings")
                .forEach(b -> counts.put(
                        b.get("g").get("value").asString(),
                        b.get("n").get("value").asLong()));
        return counts;
    }
}
