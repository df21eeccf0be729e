package org.cikg.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waits for a server started as a child process (Fuseki, Virtuoso, the service itself) to answer: asks {@code uri}
 * until it gets a 200, failing at once when the process has exited and when {@code limit} has passed.
 *
 * <pre>
 * ChildReady.await(process, URI.create(base + "/$/ping"), Duration.ofSeconds(90), Duration.ofMillis(250),
 *         "Fuseki", "the log beside " + location);
 * </pre>
 */
public final class ChildReady {
    private ChildReady() {}

    /**
     * @param what  the server's name, for the failure messages
     * @param where where its output is, for the failure messages
     * @throws IllegalStateException when the process exits or does not answer 200 within {@code limit}
     */
    public static void await(Process process, URI uri, Duration limit, Duration every, String what, Object where) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(what + " exited with " + process.exitValue() + "; see " + where);
                }
                if (answers200(http, uri)) {
                    return;
                }
                Thread.sleep(every.toMillis()); // the pause between two asks, not a guess at the start-up time
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException(
                what + " did not answer " + uri + " within " + limit.toSeconds() + " s; see " + where);
    }

    private static boolean answers200(HttpClient http, URI uri) throws InterruptedException {
        try {
            HttpResponse<Void> r = http.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }
}
