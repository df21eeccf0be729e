package org.cikg.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.cikg.fuseki.FusekiEndpoints;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the integration tests: the whole service (facade on a random port, Fuseki on port 0) over a fresh
 * temporary store loaded from the real {@code ontology/} and {@code data/}. Every subclass with the same properties
 * shares one Spring context, so the store is loaded once per test run. Tests talk HTTP as a client would.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "kg.fuseki.port=0",
            "kg.store.location=target/it-store/${random.uuid}",
            "kg.admin.password=it-secret"
        })
public abstract class ServiceITBase {
    protected static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected FusekiEndpoints fuseki;

    protected String facade(String path) {
        return "http://localhost:" + port + path;
    }

    protected String sparqlEndpoint() {
        return "http://localhost:" + fuseki.port() + "/kg/sparql";
    }

    protected HttpResponse<String> get(String url, String accept) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", accept)
                .GET()
                .build());
    }

    protected HttpResponse<String> postForm(String url, String accept, String field, String value) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", accept)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(field + "=" + enc(value)))
                .build());
    }

    /** POSTs a SPARQL query to the public endpoint, asking for SPARQL JSON results. */
    protected HttpResponse<String> sparql(String query) {
        return postForm(sparqlEndpoint(), "application/sparql-results+json", "query", query);
    }

    protected static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
