package org.cikg.fuseki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.context.TestPropertySource;

/**
 * Queries that run past {@code kg.sparql.timeout} (1 s here), read as raw HTTP with Java's {@code HttpClient}: one
 * stopped before any result went out gets a 503 problem; one cut while its rows stream gets a 200 whose body never
 * completes (the connection is aborted without the final chunk), so no client can take it for a whole result.
 */
@TestPropertySource(properties = "kg.sparql.timeout=1s")
class QueryTimeoutIT extends ServiceITBase {
    /** A cross product of every triple with every triple: rows come at once, and ~4 * 10^7 of them, far past 1 s. */
    private static final String STREAMING = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }";

    @Test
    void queryPastTheTimeoutBeforeAnyRowGets503Problem() {
        long t0 = System.nanoTime();
        // A three-way cross product of every triple: ~10^11 rows to count, far past one second, and no row before.
        HttpResponse<String> r = sparql("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(ms).as("answered soon after the 1 s limit").isLessThan(30_000);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.headers().firstValue("Retry-After")).hasValue(GuardedResponse.RETRY_AFTER_SECONDS);
        assertThat(r.body()).contains("\"status\":503").contains("1000 ms limit");
    }

    @Test
    void timeoutAfterTheFirstRowButBeforeAnyByteWentOutGets503Problem() {
        // One row at once (held in the XML writer's buffer), then a count that runs past the limit. Fuseki 5.6.0
        // alone answers 400 with the comment "Query cancelled due to timeout during execution" as the body.
        HttpResponse<String> r = postForm(
                sparqlEndpoint(),
                "application/sparql-results+xml",
                "query",
                "SELECT * WHERE { { VALUES ?x { 1 } } UNION "
                        + "{ SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } } }");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue(GuardedResponse.RETRY_AFTER_SECONDS);
        assertThat(r.body())
                .startsWith("{\"type\"")
                .contains("\"status\":503")
                .doesNotContain("<result")
                .doesNotContain("Incomplete results");
    }

    @Test
    void jsonResultCutByTheTimeoutWhileStreamingIsAnIncompleteBody() throws Exception {
        HttpResponse<InputStream> r =
                HTTP.send(streaming("application/sparql-results+json"), HttpResponse.BodyHandlers.ofInputStream());
        // The status line went out with the first rows, before the timeout: it cannot say what happened later.
        assertThat(r.statusCode()).isEqualTo(200);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        Throwable failure;
        try (InputStream in = r.body()) {
            failure = catchThrowable(() -> in.transferTo(received));
        }
        assertThat(failure)
                .as("reading the cut body fails instead of ending normally")
                .isInstanceOf(IOException.class);
        assertThat(received.size()).as("rows had been streamed before the cut").isGreaterThan(32_000);
        assertThat(received.toString(StandardCharsets.UTF_8))
                .as("no text appended after the cut")
                .doesNotContain("Incomplete results")
                .doesNotContain("Query timed out");
    }

    /**
     * Every result format: either the timeout came before the first bytes went out (503 problem) or the body fails
     * to complete. Which of the two depends on how much the format's writer buffers before the limit.
     */
    @ParameterizedTest
    @MethodSource("formats")
    void noFormatReturnsACutResultAsComplete(String accept) throws Exception {
        HttpResponse<InputStream> r = HTTP.send(streaming(accept), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isIn(200, 503);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        Throwable failure;
        try (InputStream in = r.body()) {
            failure = catchThrowable(() -> in.transferTo(received));
        }
        if (r.statusCode() == 503) {
            assertThat(failure).isNull();
            assertThat(r.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(received.toString(StandardCharsets.UTF_8)).contains("\"status\":503");
        } else {
            assertThat(failure).as(accept + ": reading the cut body fails").isInstanceOf(IOException.class);
            assertThat(received.toString(StandardCharsets.UTF_8)).doesNotContain("Incomplete results");
        }
    }

    @Test
    void ofStringReportsTheCutAsAnIOException() {
        HttpRequest request = streaming("application/sparql-results+json");
        Throwable t = catchThrowable(() -> HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
        assertThat(t)
                .as("the usual client call fails; it never returns a short 200")
                .isInstanceOf(IOException.class);
    }

    @Test
    void completeResultsStillEndNormally() {
        HttpResponse<String> r = sparql("SELECT ?s WHERE { ?s a <https://w3id.org/cikg/ontology#Startup> }");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("https://w3id.org/cikg/id/deepseek").endsWith("}\n");
    }

    /** A three-way cross product counted: ~10^11 rows, no row before the end; far past any limit here. */
    private static final String ENDLESS_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    /**
     * The client's {@code timeout} in every position Fuseki reads it from (query string of a GET, form body, query
     * string of a {@code application/sparql-query} POST) on every path that runs queries: never past the 1 s limit.
     * Fuseki 5.6.0 alone let {@code timeout=120,120} set a 120 s first-row limit.
     */
    @ParameterizedTest
    @MethodSource("timeoutPositions")
    void clientTimeoutCannotLiftTheLimit(String path, String position, String value) {
        String url = "http://localhost:" + fuseki.port() + path;
        String q = "query=" + enc(ENDLESS_COUNT);
        String t = "timeout=" + enc(value);
        HttpRequest.Builder b = switch (position) {
            case "get" ->
                HttpRequest.newBuilder(URI.create(url + "?" + q + "&" + t)).GET();
            case "form" ->
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(q + "&" + t));
            case "form-query-string" ->
                HttpRequest.newBuilder(URI.create(url + "?" + t))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(q));
            case "body" ->
                HttpRequest.newBuilder(URI.create(url + "?" + t))
                        .header("Content-Type", "application/sparql-query")
                        .POST(HttpRequest.BodyPublishers.ofString(ENDLESS_COUNT));
            default -> throw new IllegalArgumentException(position);
        };
        assertStoppedAtTheLimit(b);
    }

    static List<Arguments> timeoutPositions() {
        List<Arguments> all = new java.util.ArrayList<>();
        for (String path : List.of("/kg/sparql", "/kg/query", "/kg")) {
            for (String position : List.of("get", "form", "form-query-string", "body")) {
                all.add(Arguments.of(path, position, "120,120"));
            }
        }
        for (String value : List.of("1000,1000000", "120", "0,120", "120,0", " 60,60")) {
            all.add(Arguments.of("/kg/sparql", "form", value));
        }
        return all;
    }

    @Test
    void timeoutHeadersDoNotLiftTheLimit() {
        for (String header : List.of("Timeout", "X-Timeout")) {
            assertStoppedAtTheLimit(HttpRequest.newBuilder(URI.create(sparqlEndpoint()))
                    .header(header, "120,120")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("query=" + enc(ENDLESS_COUNT))));
        }
    }

    @ParameterizedTest
    @MethodSource("malformedTimeouts")
    void malformedOrRepeatedTimeoutGets400Problem(String query) {
        HttpResponse<String> r = get(sparqlEndpoint() + "?query=" + enc("ASK {}") + "&" + query, "*/*");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).contains("timeout");
    }

    static List<String> malformedTimeouts() {
        return List.of(
                "timeout=-1",
                "timeout=1.5",
                "timeout=1,2,3",
                "timeout=abc",
                "timeout=,5",
                "timeout=1,",
                "timeout=1&timeout=120,120",
                "timeout=99999999999999999999");
    }

    @Test
    void clientMayShortenTheLimit() {
        HttpResponse<String> r = get(sparqlEndpoint() + "?query=" + enc("ASK {}") + "&timeout=1", "*/*");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("true");
    }

    /** The request gets the 503 problem soon after the 1 s limit (a client-side limit makes the old defect fail fast). */
    private void assertStoppedAtTheLimit(HttpRequest.Builder b) {
        long t0 = System.nanoTime();
        HttpResponse<String> r =
                send(b.timeout(java.time.Duration.ofSeconds(20)).build());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(r.body()).contains("1000 ms limit");
        assertThat(ms).as("stopped near the 1 s limit").isLessThan(15_000);
    }

    /** The report's regex: 35 s over a 33-character string with a 10 s limit, 2.5 times longer per two characters. */
    private static final String SLOW_REGEX =
            "SELECT * { VALUES ?x { \"" + "a".repeat(32) + "b\" } " + "FILTER(REGEX(?x, \"(.*a){12}$\")) }";

    @Test
    void catastrophicRegexStopsAtTheLimitOnTheEndpoint() {
        assertStoppedAtTheLimit(HttpRequest.newBuilder(URI.create(sparqlEndpoint()))
                .header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofString(SLOW_REGEX)));
    }

    @Test
    void catastrophicRegexStopsAtTheLimitInTheFacade() {
        String construct = "CONSTRUCT { <urn:x:a> <urn:x:b> ?x } WHERE { VALUES ?x { \"" + "a".repeat(32) + "b\" } "
                + "FILTER(REGEX(?x, \"(.*a){12}$\")) }";
        long t0 = System.nanoTime();
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(facade("/api/graph")))
                .header("Content-Type", "application/sparql-query")
                .header("Accept", "application/json")
                .timeout(java.time.Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(construct))
                .build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(15_000);
    }

    @Test
    void overlongRegexPatternGets400ProblemOnBothPorts() {
        String pattern = "a".repeat(1001);
        HttpResponse<String> r = sparql("ASK { FILTER(REGEX(\"x\", \"" + pattern + "\")) }");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).contains("1001 characters");
        HttpResponse<String> f = send(HttpRequest.newBuilder(URI.create(facade("/api/graph")))
                .header("Content-Type", "application/sparql-query")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(REGEX(?o, \"" + pattern + "\")) }"))
                .build());
        assertThat(f.statusCode()).isEqualTo(400);
        assertThat(sparql("ASK { FILTER(REGEX(\"xa\", \"" + "a".repeat(998) + "|a\")) }")
                        .statusCode())
                .as("a pattern of exactly 1000 characters is allowed")
                .isEqualTo(200);
    }

    static List<String> formats() {
        return List.of(
                "application/sparql-results+json",
                "text/csv",
                "text/tab-separated-values",
                "application/sparql-results+xml");
    }

    private HttpRequest streaming(String accept) {
        return HttpRequest.newBuilder(URI.create(sparqlEndpoint()))
                .header("Accept", accept)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + enc(STREAMING)))
                .build();
    }
}
