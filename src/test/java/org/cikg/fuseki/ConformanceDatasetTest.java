package org.cikg.fuseki;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.cikg.config.KgProperties;
import org.cikg.sparql.QueryCatalog;
import org.cikg.store.KnowledgeStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kg.conformance.enabled} adds {@code /conformance} to the same server, behind the same gate and auth. */
class ConformanceDatasetTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ADMIN =
            "Basic " + Base64.getEncoder().encodeToString("admin:pw-for-test".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path tmp;

    private KnowledgeStore store;
    private FusekiEndpoints endpoints;

    private String start(boolean conformance) {
        KgProperties props = new KgProperties(
                new KgProperties.Store(tmp.resolve("tdb2"), Path.of("ontology"), Path.of("data")),
                new KgProperties.Sparql(Duration.ofSeconds(10), Path.of("queries")),
                new KgProperties.Fuseki(true, 0),
                new KgProperties.Admin("admin", "pw-for-test"));
        store = new KnowledgeStore(props, new QueryCatalog(props));
        endpoints = new FusekiEndpoints(store, props, EndpointLimits.defaults(), new ConformanceDataset(conformance));
        endpoints.start();
        return "http://localhost:" + endpoints.port();
    }

    @AfterEach
    void stop() {
        if (endpoints != null) {
            endpoints.stop();
        }
        if (store != null) {
            store.destroy();
        }
    }

    @Test
    void conformanceDatasetIsNotServedByDefault() throws Exception {
        String base = start(false);
        assertThat(get(base + "/conformance/sparql?query=" + enc("ASK {}")).statusCode())
                .isEqualTo(404);
        assertThat(get(base + "/kg/sparql?query=" + enc("ASK {}")).statusCode()).isEqualTo(200);
    }

    @Test
    void enabledConformanceDatasetIsPlainWritableOnlyByTheAdminAndKeptApartFromKg() throws Exception {
        String base = start(true);
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(base + "/conformance/update"))
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:x:s> <urn:x:p> 1 }")));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(base + "/conformance/data?default"))
                .header("Content-Type", "text/turtle")
                .header("Authorization", ADMIN)
                .PUT(HttpRequest.BodyPublishers.ofString("<urn:x:s> <urn:x:p> 1 .")));
        assertThat(put.statusCode()).isBetween(200, 204);
        // A plain dataset: what is PUT to the default graph is what queries see; /kg is untouched.
        assertThat(get(base + "/conformance/sparql?query=" + enc("ASK { <urn:x:s> <urn:x:p> 1 }"))
                        .body())
                .contains("true");
        assertThat(get(base + "/kg/sparql?query=" + enc("ASK { <urn:x:s> ?p ?o }"))
                        .body())
                .contains("false");
        HttpResponse<String> load = send(HttpRequest.newBuilder(URI.create(base + "/conformance/update"))
                .header("Content-Type", "application/sparql-update")
                .header("Authorization", ADMIN)
                .POST(HttpRequest.BodyPublishers.ofString("LOAD <file:///etc/hostname>")));
        assertThat(load.statusCode()).isEqualTo(403);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/sparql-results+json"));
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
