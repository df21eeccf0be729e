package org.cikg.fuseki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.Test;

/**
 * A query whose client goes away is stopped then, not at its timeout (10 s here). What runs is read from the JVM's
 * own thread stacks: a Jetty worker ({@code qtp...}) with ARQ's query engine on its stack is running a query.
 */
class ClientDisconnectIT extends ServiceITBase {
    private static final String ENDLESS_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    @Test
    void queryIsAbortedSoonAfterItsClientCloses() throws Exception {
        long before = runningQueries();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), fuseki.port())) {
            post(s.getOutputStream(), "query=" + enc(ENDLESS_COUNT) + "&timeout=40,40");
            assertThat(waitFor(() -> runningQueries() > before, 8_000))
                    .as("the query runs")
                    .isTrue();
        }
        assertThat(waitFor(() -> runningQueries() <= before, 3_000))
                .as("no query left running 3 s after the client closed (the limit is 10 s)")
                .isTrue();
    }

    @Test
    void clientThatHalfClosesAfterItsRequestIsTreatedAsGone() throws Exception {
        long before = runningQueries();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), fuseki.port())) {
            post(s.getOutputStream(), "query=" + enc(ENDLESS_COUNT));
            assertThat(waitFor(() -> runningQueries() > before, 8_000))
                    .as("the query runs")
                    .isTrue();
            s.shutdownOutput();
            assertThat(waitFor(() -> runningQueries() <= before, 3_000)).isTrue();
        }
    }

    /**
     * A client that pipelines its next request while the first still computes: the watch reads the start of it, so
     * the first answer comes whole with {@code Connection: close} and the connection ends; no garbled second request
     * (a 400) ever comes back.
     */
    @Test
    void pipelinedRequestIsNeverGarbled() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), fuseki.port())) {
            s.setSoTimeout(20_000);
            // timeout=1: this one stops after 1 s with a 503 problem, long enough for the watch to look. The next
            // request goes out once the first is seen computing (not after a guessed pause).
            long before = runningQueries();
            post(s.getOutputStream(), "query=" + enc(ENDLESS_COUNT) + "&timeout=1");
            assertThat(waitFor(() -> runningQueries() > before, 8_000))
                    .as("the first query runs")
                    .isTrue();
            post(s.getOutputStream(), "query=" + enc("ASK {}"));
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            List<String> statusLines = new ArrayList<>();
            try {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("HTTP/1.1 ")) {
                        statusLines.add(line);
                        s.setSoTimeout(3_000); // after the first answer: idle for 3 s means nothing more is coming
                    }
                }
            } catch (java.net.SocketTimeoutException idle) {
                // the connection stayed open: both answers came
            }
            assertThat(statusLines).isNotEmpty();
            assertThat(statusLines.get(0)).startsWith("HTTP/1.1 503");
            assertThat(statusLines).noneMatch(l -> l.startsWith("HTTP/1.1 400"));
        }
    }

    @Test
    void keptAliveConnectionsStillServeOneRequestAfterAnother() {
        for (int i = 0; i < 5; i++) {
            assertThat(sparql("ASK { ?s ?p ?o }").body()).contains("true");
        }
    }

    private static void post(OutputStream out, String form) throws IOException {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        out.write(("POST /kg/sparql HTTP/1.1\r\nHost: localhost\r\nAccept: application/sparql-results+json\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
                        + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** Jetty worker threads that have ARQ's engine on their stacks. */
    static long runningQueries() {
        long n = 0;
        for (Map.Entry<Thread, StackTraceElement[]> e :
                Thread.getAllStackTraces().entrySet()) {
            if (!e.getKey().getName().startsWith("qtp")) {
                continue;
            }
            for (StackTraceElement f : e.getValue()) {
                if (f.getClassName().startsWith("org.apache.jena.sparql.engine.")) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    static boolean waitFor(java.util.function.BooleanSupplier condition, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20); // the pause between two looks, not a guess at how long the condition takes
        }
        return condition.getAsBoolean();
    }
}
