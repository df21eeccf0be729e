package org.cikg.fuseki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.cikg.problem.TooManyQueriesException;
import org.cikg.sparql.QueryAdmission;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The starvation scenario: 32 clients from one address (127.0.0.2) loop queries that would each run to the 10 s
 * limit, while another client (127.0.0.1) asks a one-line ASK every 300 ms. With the admission limits (2 a client,
 * 8 in all) the 32 get at most 2 running and a 503 with {@code Retry-After} at once for the rest, every one of them
 * an answer (no dropped connection), and the ASK is answered within 1 s (p90 of 30; the slowest within 2.5 s).
 * Before, the ASK waited up to 29.8 s. A refused client here waits 200 ms before its next try (together they still
 * send about 150 a second).
 *
 * <p>The attackers run in this JVM, on this machine's 2 shared cores, next to other builds (load averages of 30 were
 * seen). When the ASK alone, before the attack, is already slow, the bound is 4 times that baseline's slowest (the
 * 1 s holds on a machine that answers the ASK alone in 250 ms).
 */
class QueryAdmissionIT extends ServiceITBase {
    private static final String SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    @Autowired
    QueryAdmission admission;

    @Test
    void cheapQueryFromAnotherClientIsAnsweredWithinASecondWhile32SlowOnesLoop() throws Exception {
        long baseline = 0;
        for (int i = 0; i < 10; i++) {
            baseline = Math.max(baseline, probe());
        }
        long bound = Math.max(1_000, 4 * baseline);
        InetAddress attackerAddress = InetAddress.getByName("127.0.0.2");
        AtomicBoolean stop = new AtomicBoolean();
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<Long> refusalMillis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger connectionErrors = new AtomicInteger();
        AtomicInteger refusalsWithoutRetryAfter = new AtomicInteger();
        Set<Socket> open = ConcurrentHashMap.newKeySet();
        List<Thread> attackers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            Thread t = new Thread(
                    () -> {
                        while (!stop.get()) {
                            long t0 = System.nanoTime();
                            try (Socket s =
                                    new Socket(InetAddress.getLoopbackAddress(), fuseki.port(), attackerAddress, 0)) {
                                open.add(s);
                                s.setSoTimeout(30_000);
                                String response = exchange(s, "query=" + enc(SLOW));
                                int status = Integer.parseInt(response.substring(9, 12));
                                statuses.add(status);
                                if (status == 503 && response.contains("Too many queries")) {
                                    refusalMillis.add((System.nanoTime() - t0) / 1_000_000);
                                    if (!response.contains(
                                            "Retry-After: " + TooManyQueriesException.RETRY_AFTER_SECONDS)) {
                                        refusalsWithoutRetryAfter.incrementAndGet();
                                    }
                                    Thread.sleep(200); // the refused client's back-off (part of the scenario)
                                }
                            } catch (IOException e) {
                                if (!stop.get()) {
                                    connectionErrors.incrementAndGet();
                                }
                            } catch (InterruptedException e) {
                                return;
                            } finally {
                                open.removeIf(Socket::isClosed);
                            }
                        }
                    },
                    "attacker-" + i);
            t.setDaemon(true);
            attackers.add(t);
            t.start();
        }
        List<Long> probeMillis = new ArrayList<>();
        List<Integer> admitted = new ArrayList<>();
        try {
            // Sampling starts once the attack is on: the attackers hold their permits and have been refused at least
            // once (both seen here, within 30 s), instead of after a guessed pause.
            long attackOn = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while ((admission.running() < 2 || !statuses.contains(503)) && System.nanoTime() < attackOn) {
                Thread.sleep(20);
            }
            for (int i = 0; i < 30; i++) {
                admitted.add(admission.running());
                probeMillis.add(probe());
                Thread.sleep(300); // the other client's pace (part of the scenario)
            }
        } finally {
            stop.set(true);
            for (Socket s : open) {
                s.close(); // the server notices and aborts the running slow queries
            }
            for (Thread t : attackers) {
                t.join(35_000);
            }
        }
        List<Long> probes = new ArrayList<>(probeMillis);
        Collections.sort(probes);
        assertThat(probes.get(probes.size() * 9 / 10))
                .as(
                        "p90 of the ASK while the 32 loop %s; bound %d ms (ASK alone: " + "at most %d ms)",
                        probeMillis, bound, baseline)
                .isLessThan(bound);
        assertThat(probes.get(probes.size() - 1))
                .as("slowest ASK while the 32 loop %s", probeMillis)
                .isLessThan(bound * 5 / 2);
        assertThat(admitted).as("queries admitted while sampling").allMatch(n -> n <= 3);
        assertThat(statuses).as("refusals").contains(503);
        assertThat(refusalsWithoutRetryAfter).hasValue(0);
        assertThat(connectionErrors)
                .as("attacker connections closed without an answer")
                .hasValue(0);
        List<Long> sorted = new ArrayList<>(refusalMillis);
        Collections.sort(sorted);
        assertThat(sorted.get(sorted.size() * 9 / 10))
                .as("p90 of refusals (ms): at once")
                .isLessThan(1_000);
    }

    @Test
    void permitsAreReturnedWhenQueriesEnd() throws Exception {
        for (int i = 0; i < 12; i++) {
            assertThat(sparql("ASK { ?s ?p ?o }").statusCode()).isEqualTo(200);
        }
        long end = System.nanoTime() + 5_000_000_000L;
        while (admission.running() > 0 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(admission.running()).isZero();
    }

    /** The cheap query from the other client: 200 and true; its latency in ms. */
    private long probe() {
        long t0 = System.nanoTime();
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(sparqlEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "query=" + enc("ASK { <https://w3id.org/cikg/id/deepseek> ?p ?o }")))
                .build());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("true");
        return ms;
    }

    /** One request on its own connection ({@code Connection: close}); the whole response as text. */
    private static String exchange(Socket s, String form) throws IOException {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        OutputStream out = s.getOutputStream();
        out.write(("POST /kg/sparql HTTP/1.1\r\nHost: localhost\r\nAccept: application/sparql-results+json\r\n"
                        + "Connection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                        + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        InputStream in = s.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String response = all.toString(StandardCharsets.UTF_8);
        if (!response.startsWith("HTTP/1.1 ")) {
            throw new IOException("no HTTP response: '" + response + "'");
        }
        return response;
    }
}
