package org.cikg.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The attack run: the two requests that took the service down, against a running service on loopback, with a
 * cheap query from another client address measuring what a bystander gets meanwhile.
 * <ol>
 *   <li><b>Baseline</b>: the probe ({@code ASK} about DeepSeek, from 127.0.0.1) alone, 20 times, 300 ms apart; the
 *       service's RSS at rest.</li>
 *   <li><b>Outage request</b>: {@code --outage} clients at once (default 2) send
 *       {@code SELECT * { ?a ?b ?c . ?d ?e ?f } ORDER BY ?f ?c} with {@code timeout=120,120}, from 127.0.0.3; the
 *       probe keeps asking; RSS is sampled every 250 ms.</li>
 *   <li><b>Starvation</b>: 32 clients from 127.0.0.2 loop a query that runs to the limit (a three-way cross
 *       product counted) for {@code --seconds} (default 30), each on its own connection; a refused one waits 200 ms
 *       before the next try; the probe keeps asking.</li>
 * </ol>
 * Prints, per phase: probe latencies (p50/p90/max, failures), the attackers' answers by status and connection errors
 * (a connection closed without an answer), the refusals' latency, RSS (max while it ran), and whether the service
 * still answers; then the probe's p90 and RSS as ratios to the baseline of the same run. Exit status 1 when the
 * service stops answering, a probe fails, or an attacker connection ends without an answer.
 *
 * <p>JDK only: {@code bench/attack.sh} runs this file directly ({@code java AttackRun.java}); Maven compiles it with
 * the tests so it cannot rot. Usage:
 * <pre>
 * java src/test/java/org/cikg/bench/AttackRun.java --sparql http://127.0.0.1:13030/kg/sparql --pid PID \
 *     [--seconds 30] [--outage 2]
 * </pre>
 */
public final class AttackRun {
    private static final String PROBE = "ASK { <https://w3id.org/cikg/id/deepseek> ?p ?o }";
    private static final String OUTAGE = "SELECT * { ?a ?b ?c . ?d ?e ?f } ORDER BY ?f ?c";
    private static final String SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI sparql;
    private final long pid;
    private final List<Long> rssSamples = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean sampling;

    private AttackRun(URI sparql, long pid) {
        this.sparql = sparql;
        this.pid = pid;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        AttackRun run = new AttackRun(URI.create(opt.get("sparql")), Long.parseLong(opt.get("pid")));
        int seconds = Integer.parseInt(opt.getOrDefault("seconds", "30"));
        int outage = Integer.parseInt(opt.getOrDefault("outage", "2"));
        System.exit(run.run(seconds, outage) ? 0 : 1);
    }

    private boolean run(int seconds, int outageClients) throws Exception {
        boolean ok = true;
        Thread sampler = new Thread(this::sample, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();

        rssSamples.clear();
        Probes baseline = new Probes();
        for (int i = 0; i < 20; i++) {
            baseline.probe();
            Thread.sleep(300);
        }
        long restRss = maxRss();
        System.out.printf(Locale.ROOT, "%nbaseline (probe alone)   probes %s; RSS %s%n", baseline, mb(restRss));
        ok &= baseline.failures.get() == 0;

        System.out.printf(
                Locale.ROOT,
                "%noutage request: %d x ORDER BY over the cross product, timeout=120,120%n",
                outageClients);
        rssSamples.clear();
        Attack outage = new Attack("127.0.0.3", OUTAGE, "timeout=120,120", outageClients, false);
        Probes duringOutage = new Probes();
        outage.start();
        while (outage.running()) {
            duringOutage.probe();
            Thread.sleep(300);
        }
        long outageRss = maxRss();
        System.out.printf(
                Locale.ROOT,
                "  attackers %s%n  probes    %s%n  RSS max %s; service answers: %s%n",
                outage,
                duringOutage,
                mb(outageRss),
                answers());
        ok &= outage.connectionErrors.get() == 0 && duringOutage.failures.get() == 0 && answers();

        System.out.printf(Locale.ROOT, "%nstarvation: 32 clients loop a query that runs to the limit, %d s%n", seconds);
        rssSamples.clear();
        Attack flood = new Attack("127.0.0.2", SLOW, null, 32, true);
        Probes duringFlood = new Probes();
        flood.start();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread.sleep(1_000);
        while (System.nanoTime() < end) {
            duringFlood.probe();
            Thread.sleep(300);
        }
        flood.stop();
        long floodRss = maxRss();
        System.out.printf(
                Locale.ROOT,
                "  attackers %s%n  probes    %s%n  RSS max %s; service answers: %s%n",
                flood,
                duringFlood,
                mb(floodRss),
                answers());
        ok &= flood.connectionErrors.get() == 0 && duringFlood.failures.get() == 0 && answers();
        sampling = false;

        System.out.printf(
                Locale.ROOT,
                "%nratios to the baseline of this run: probe p90 %.1f (outage), %.1f (starvation);"
                        + " RSS max %.2f (outage), %.2f (starvation)%n",
                ratio(duringOutage.p(90), baseline.p(90)),
                ratio(duringFlood.p(90), baseline.p(90)),
                ratio(outageRss, restRss),
                ratio(floodRss, restRss));
        System.out.printf(
                Locale.ROOT,
                "SUMMARY ok=%s baseline_p90_ms=%d outage_probe_p90_ms=%d outage_probe_max_ms=%d "
                        + "outage_rss_mb=%d flood_probe_p50_ms=%d flood_probe_p90_ms=%d flood_probe_max_ms=%d "
                        + "flood_rss_mb=%d flood_answers=%s flood_connection_errors=%d%n",
                ok,
                baseline.p(90),
                duringOutage.p(90),
                duringOutage.p(100),
                outageRss >> 20,
                duringFlood.p(50),
                duringFlood.p(90),
                duringFlood.p(100),
                floodRss >> 20,
                new TreeMap<>(flood.byStatus),
                flood.connectionErrors.get());
        return ok;
    }

    private static double ratio(long a, long b) {
        return b <= 0 ? Double.NaN : (double) a / b;
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "unknown" : String.format(Locale.ROOT, "%,d MB", bytes >> 20);
    }

    private long maxRss() {
        synchronized (rssSamples) {
            return rssSamples.stream().mapToLong(Long::longValue).max().orElse(-1);
        }
    }

    private void sample() {
        sampling = true;
        Path status = Path.of("/proc", Long.toString(pid), "status");
        while (sampling) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        rssSamples.add(Long.parseLong(line.replaceAll("\\D", "")) * 1024);
                    }
                }
                Thread.sleep(250);
            } catch (IOException e) {
                return; // the process is gone
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean answers() {
        try {
            HttpResponse<String> r = http.send(
                    request(PROBE).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("true");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest.Builder request(String query) {
        return HttpRequest.newBuilder(sparql)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
    }

    /** The bystander's cheap query: latencies and failures. */
    private final class Probes {
        private final List<Long> millis = new ArrayList<>();
        private final AtomicInteger failures = new AtomicInteger();

        void probe() {
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = http.send(
                        request(PROBE).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200 || !r.body().contains("true")) {
                    failures.incrementAndGet();
                }
            } catch (IOException e) {
                failures.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            millis.add((System.nanoTime() - t0) / 1_000_000);
        }

        long p(int percentile) {
            List<Long> s = new ArrayList<>(millis);
            if (s.isEmpty()) {
                return -1;
            }
            Collections.sort(s);
            return s.get(Math.min(s.size() - 1, (int) Math.ceil(percentile / 100.0 * s.size()) - 1));
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "n=%d p50=%d ms p90=%d ms max=%d ms failures=%d",
                    millis.size(),
                    p(50),
                    p(90),
                    p(100),
                    failures.get());
        }
    }

    /** Clients from one loopback address, each on its own connections, sending one query once or in a loop. */
    private final class Attack {
        private final InetAddress from;
        private final String body;
        private final int clients;
        private final boolean loop;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final List<Thread> threads = new ArrayList<>();
        private final Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
        private final AtomicInteger connectionErrors = new AtomicInteger();
        private final List<Long> refusalMillis = Collections.synchronizedList(new ArrayList<>());
        private final AtomicLong longestMillis = new AtomicLong();
        private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());

        Attack(String from, String query, String extra, int clients, boolean loop) throws IOException {
            this.from = InetAddress.getByName(from);
            this.body =
                    "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + (extra == null ? "" : "&" + extra);
            this.clients = clients;
            this.loop = loop;
        }

        void start() {
            for (int i = 0; i < clients; i++) {
                Thread t = new Thread(this::client, "attacker-" + i);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
        }

        boolean running() {
            return threads.stream().anyMatch(Thread::isAlive);
        }

        void stop() throws InterruptedException {
            stop.set(true);
            synchronized (open) {
                for (Socket s : open) {
                    try {
                        s.close();
                    } catch (IOException e) {
                        // closing anyway
                    }
                }
            }
            for (Thread t : threads) {
                t.join(60_000);
            }
        }

        private void client() {
            do {
                long t0 = System.nanoTime();
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), sparql.getPort(), from, 0)) {
                    open.add(s);
                    s.setSoTimeout(180_000);
                    String response = exchange(s);
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    longestMillis.accumulateAndGet(ms, Math::max);
                    int status = Integer.parseInt(response.substring(9, 12));
                    byStatus.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                    if (status == 503 && response.contains("Too many queries")) {
                        refusalMillis.add(ms);
                        Thread.sleep(200);
                    }
                } catch (IOException e) {
                    if (!stop.get()) {
                        connectionErrors.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    return;
                }
            } while (loop && !stop.get());
        }

        private String exchange(Socket s) throws IOException {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = s.getOutputStream();
            out.write(("POST " + sparql.getRawPath() + " HTTP/1.1\r\nHost: localhost\r\n"
                            + "Accept: application/sparql-results+json\r\nConnection: close\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + b.length
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(b);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (all.size() < 4096) {
                    all.write(buf, 0, Math.min(n, 4096)); // the head is enough; the rest is read and dropped
                }
            }
            String response = all.toString(StandardCharsets.UTF_8);
            if (!response.startsWith("HTTP/1.1 ")) {
                throw new IOException("closed without an answer");
            }
            return response;
        }

        @Override
        public String toString() {
            List<Long> r = new ArrayList<>(refusalMillis);
            Collections.sort(r);
            String refusals = r.isEmpty()
                    ? "none"
                    : String.format(
                            Locale.ROOT,
                            "p50=%d ms p90=%d ms",
                            r.get(r.size() / 2),
                            r.get(Math.min(r.size() - 1, r.size() * 9 / 10)));
            return String.format(
                    Locale.ROOT,
                    "answers by status %s; connection errors %d; refusals (503 busy) %s; " + "longest answer %,d ms",
                    new TreeMap<>(byStatus),
                    connectionErrors.get(),
                    refusals,
                    longestMillis.get());
        }
    }
}
