package org.cikg.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;
import org.cikg.support.ServiceITBase;
import org.cikg.support.StandaloneFuseki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The remote store going away while the service runs: stopped, the requests that need it get 503 with
 * {@code Retry-After} and a problem+json saying the store did not answer (answers already cached, being functions of
 * the unchanged data, are still served), and health is DOWN; frozen (it accepts connections but never
 * answers), requests still end as 503 once the read timeout passes, even when more of them arrive than the
 * connection pool holds; started again, the same service answers without a restart of its own. With
 * {@code kg.store.public-query-endpoint=none} the pages name no SPARQL endpoint at all.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "kg.store.mode=remote",
            "kg.fuseki.port=0",
            "kg.admin.password=it-secret",
            "kg.store.location=target/it-store/unused-${random.uuid}",
            "kg.sparql.timeout=3s",
            "kg.store.read-timeout=3s",
            "kg.store.connect-timeout=2s",
            "kg.store.max-connections=4",
            "kg.store.public-query-endpoint=none",
            "kg.store.change-poll=1s",
            "kg.store.gazetteer=none"
        })
class RemoteStoreFaultIT extends ServiceITBase {
    static final StandaloneFuseki FUSEKI = StandaloneFuseki.startNew("fuseki-fault");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Far more than read timeout + connect timeout: a request still open then hangs. */
    private static final Duration HANG = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void remoteStore(DynamicPropertyRegistry registry) {
        registry.add("kg.store.query-endpoint", FUSEKI::queryEndpoint);
        registry.add("kg.store.update-endpoint", FUSEKI::updateEndpoint);
    }

    @AfterEach
    void storeRunsAgain() {
        FUSEKI.resume();
        FUSEKI.start();
    }

    @Test
    void withNoPublicEndpointThePagesLeaveTheSparqlLinksOut() {
        String home = call("/").body();
        assertThat(home)
                .contains("For machines")
                .doesNotContain(FUSEKI.queryEndpoint())
                .doesNotContain(":-1")
                .doesNotContain(">SPARQL</a>")
                .doesNotContain("/kg/get");
        assertThat(call("/page/deepseek").body()).contains("Explore the graph").doesNotContain("Open as SPARQL");
        assertThat(call("/sparql-ui").body())
                .contains("names no public SPARQL endpoint")
                .doesNotContain("data-endpoint");
        assertThat(call("/.well-known/void").body()).doesNotContain("sparqlEndpoint");
    }

    @Test
    void storeStoppedGives503ThenTheServiceRecoversWhenItReturns() {
        HttpResponse<String> before = call("/api/search?q=deepseek");
        assertThat(before.statusCode()).isEqualTo(200);

        FUSEKI.stop();
        // What was asked before is a function of data that has not changed: served from the cache meanwhile.
        HttpResponse<String> cached = call("/api/search?q=deepseek");
        assertThat(cached.statusCode()).isEqualTo(200);
        assertThat(cached.body()).isEqualTo(before.body());
        // Everything else needs the store. (Hangzhou: the other test asks for DeepSeek's page.)
        for (String path : List.of(
                "/api/search?q=hangzhou",
                "/page/hangzhou",
                "/api/queries/company-profile?company=hangzhou",
                "/api/graph?focus=hangzhou&format=graphml",
                "/data/hangzhou.ttl")) {
            assertUnavailable(call(path), path);
        }
        HttpResponse<String> health = call("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(health.body())
                        .get("components")
                        .get("store")
                        .get("status")
                        .asString())
                .isEqualTo("DOWN");

        FUSEKI.start();
        HttpResponse<String> search = answersAgain("/api/search?q=deepseek");
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        assertThat(search.body()).contains("https://w3id.org/cikg/id/deepseek");
        // The restarted store's caches are cold: on a busy machine a first heavier query may still pass the 3 s read
        // timeout, which is a 503 like the ones above; what counts is that it answers without a restart of ours.
        assertThat(answersAgain("/page/deepseek").statusCode()).isEqualTo(200);
        assertThat(answersAgain("/api/queries/company-profile?company=deepseek").statusCode())
                .isEqualTo(200);
        assertThat(JSON.readTree(call("/actuator/health").body())
                        .get("components")
                        .get("store")
                        .get("status")
                        .asString())
                .isEqualTo("UP");
    }

    @Test
    void frozenStoreGives503AfterTheTimeoutForMoreRequestsThanThePoolHolds() {
        FUSEKI.pause();
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // Paths no other test asks for: an answer cached before the freeze would (rightly) still be served.
            inFlight.add(HTTP.sendAsync(
                    request(i % 2 == 0 ? "/page/shenzhen" : "/api/search?q=unitree"),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }
        for (CompletableFuture<HttpResponse<String>> f : inFlight) {
            HttpResponse<String> r = f.join();
            assertUnavailable(r, r.uri().toString());
        }
        FUSEKI.resume();
        assertThat(answersAgain("/page/deepseek").statusCode()).isEqualTo(200);
    }

    /**
     * Another process loads the store (here: a new name for Beijing and a new load time in the meta graph, as a
     * {@code load} command elsewhere would write them): within a few change polls the cached page and the search
     * index show it, without a restart or an admin call to this service.
     */
    @Test
    void aLoadMadeElsewhereReachesCachedPagesAndSearch() throws InterruptedException {
        assertThat(call("/page/beijing").body()).doesNotContain("Zyxwatch");
        assertThat(call("/api/search?q=Zyxwatch").body()).doesNotContain("/id/beijing");

        UpdateExecHTTP.service(FUSEKI.updateEndpoint()).update(LOADED_ELSEWHERE).execute();

        String page = "";
        String search = "";
        for (int i = 0; i < 40 && !(page.contains("Zyxwatch") && search.contains("/id/beijing")); i++) {
            Thread.sleep(500);
            page = call("/page/beijing").body();
            search = call("/api/search?q=Zyxwatch").body();
        }
        assertThat(page).contains("Zyxwatch Beijing");
        assertThat(search).contains("https://w3id.org/cikg/id/beijing");
    }

    private static final String LOADED_ELSEWHERE = """
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            INSERT DATA { GRAPH <https://w3id.org/cikg/graph/data> {
                <https://w3id.org/cikg/id/beijing> skos:altLabel "Zyxwatch Beijing"@en } } ;
            DELETE { GRAPH <https://w3id.org/cikg/graph/meta> { <https://w3id.org/cikg/dataset> dcterms:modified ?m } }
            INSERT { GRAPH <https://w3id.org/cikg/graph/meta> {
                <https://w3id.org/cikg/dataset> dcterms:modified "2030-01-01T00:00:00Z"^^xsd:dateTime } }
            WHERE { GRAPH <https://w3id.org/cikg/graph/meta> { <https://w3id.org/cikg/dataset> dcterms:modified ?m } }
            """;

    /**
     * Asks until the service answers 200, at most 30 times a second apart: a store just back may still be working
     * through the requests that queued while it was frozen. Every answer before that must be a 503, never a 500.
     */
    private HttpResponse<String> answersAgain(String path) {
        HttpResponse<String> r = call(path);
        for (int i = 0; i < 30 && r.statusCode() != 200; i++) {
            assertUnavailable(r, path);
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            r = call(path);
        }
        return r;
    }

    private static void assertUnavailable(HttpResponse<String> r, String what) {
        assertThat(r.statusCode()).as(what + ": " + r.body()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).as(what).isPresent();
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.get("title").asString()).isEqualTo("Store unavailable");
        assertThat(p.get("detail").asString()).contains(FUSEKI.queryEndpoint()).contains("did not answer");
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(facade(path)))
                .timeout(HANG)
                .header("Accept", "*/*")
                .GET()
                .build();
    }

    /** A request that fails the test (HttpTimeoutException) if the service hangs instead of answering. */
    private HttpResponse<String> call(String path) {
        try {
            return HTTP.send(request(path), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
