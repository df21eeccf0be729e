package org.cikg.fuseki;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.cikg.support.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the request that took the service down, an {@code ORDER BY} over a cross product with
 * {@code timeout=120,120}, against the packaged service in a JVM with a 256 MB heap that exits on heap exhaustion
 * (as the service's own start-up does): with the sort spilling to disk past {@code kg.sparql.spill-threshold}, the
 * queries end at the limit with a 503 and the service keeps answering. Without the spill the sort holds every row
 * on the heap (6 GB in the report that found it) and this JVM exits.
 *
 * <p>The service starts over an empty store (no load: start-up in a fraction of the time), so the rows come from
 * seven {@code VALUES} of ten values each: 10^7 rows, as many as the cross product of the real data's triples
 * yields in a few seconds. {@code bench/attack.sh} sends the original request to a loaded store.
 */
class MemoryBoundIT {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String OUTAGE = outage();
    private static ServiceProcess service;

    private static String outage() {
        StringBuilder q = new StringBuilder("SELECT * {");
        for (String v : List.of("a", "b", "c", "d", "e", "f", "g")) {
            q.append(" VALUES ?").append(v).append(" { 0 1 2 3 4 5 6 7 8 9 }");
        }
        return q.append(" } ORDER BY DESC(?g) ?a").toString();
    }

    @BeforeAll
    static void start() {
        service = new ServiceProcess(
                "memory-bound",
                List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"),
                // three sorts at once from this one address: the per-address bound (2 by default) is lifted here, so
                // that all three reach the memory the test is about
                List.of(
                        "--kg.sparql.timeout=5s",
                        "--kg.store.load-on-start=false",
                        "--kg.sparql.max-concurrent-per-client=3"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void sortsOfTheCrossProductEndAtTheLimitAndTheServiceKeepsAnswering() {
        List<CompletableFuture<HttpResponse<String>>> attacks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            attacks.add(HTTP.sendAsync(
                    form("query=" + enc(OUTAGE) + "&timeout=120,120")
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> a : attacks) {
            HttpResponse<String> r = a.join();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
            assertThat(r.body()).contains("5000 ms limit");
        }
        assertThat(service.isAlive())
                .as("the service survived (see %s)", service.log())
                .isTrue();
        HttpResponse<String> probe = HTTP.sendAsync(
                        form("query=" + enc("ASK { VALUES ?x { 1 } }"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .join();
        assertThat(probe.statusCode()).isEqualTo(200);
        assertThat(probe.body()).contains("true");
        assertThat(service.peakRssBytes()).as("peak RSS of a 256 MB-heap JVM").isLessThan(1024L * 1024 * 1024);
    }

    private static HttpRequest.Builder form(String body) {
        return HttpRequest.newBuilder(URI.create(service.sparqlEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
