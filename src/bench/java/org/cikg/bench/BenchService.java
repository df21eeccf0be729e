package org.cikg.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The HTTP plumbing the benchmarks that start the service share: free ports, waiting until it answers, emptying its
 * caches (an empty admin update moves the data version) and fetching a page that must answer 200.
 */
final class BenchService {
    private final HttpClient http;
    private final String adminPassword;

    BenchService(HttpClient http, String adminPassword) {
        this.http = http;
        this.adminPassword = adminPassword;
    }

    /** A port nothing listens on now (the service binds it a moment later). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** An empty update moves the data version: cached pages, answers and validities are computed afresh. */
    void emptyCaches(String updateUrl) throws Exception {
        String auth = Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(updateUrl))
                        .header("Authorization", "Basic " + auth)
                        .header("Content-Type", "application/sparql-update")
                        .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { }"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("update " + r.statusCode() + ": " + r.body());
        }
    }

    /** GETs {@code url}, failing unless it answers 200 within {@code timeout}. */
    void fetch(String url, Duration timeout) throws Exception {
        HttpResponse<byte[]> r = http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
    }

    /** Polls {@code url} every {@code pollMillis} until it answers 200, for at most 15 minutes. */
    void waitUntilUp(String url, long pollMillis) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (System.nanoTime() < end) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(pollMillis);
        }
        throw new IllegalStateException("service not up: " + url);
    }
}
