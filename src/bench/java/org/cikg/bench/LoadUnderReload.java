package org.cikg.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load test under reload: {@code --conns} closed-loop clients send mixed traffic (entity pages, named questions,
 * search, raw SPARQL to the embedded Fuseki) for {@code --seconds} while one more client runs forced reloads of
 * {@code ontology/} + {@code data/} back to back ({@code POST /admin/reload?force=true}, which re-parses, re-infers,
 * re-validates and swaps the graphs in a TDB2 write transaction even when the files did not change; without
 * {@code force} an unchanged data hash makes the reload a no-op). The traffic goes on until the last reload ends, so
 * every swap happens under load. An optional baseline phase ({@code --baseline} seconds, same traffic, no reload,
 * after 10 s of warm-up) comes first, and the figures under reload are also given as ratios to it, measured in the same run on the same
 * machine. Every answer is checked against a value known to be in the data; prints requests, throughput,
 * p50/p90/p99/max per kind, errors (non-2xx and connection errors), wrong answers and completed reloads, and exits 1
 * when any request failed or answered wrongly, or no reload completed.
 *
 * <p>Only the JDK is needed, so {@code bench/load-test.sh} runs this file directly ({@code java LoadUnderReload.java});
 * Maven compiles it with the tests so it cannot rot. Usage:
 * <pre>
 * java src/test/java/org/cikg/bench/LoadUnderReload.java --web http://127.0.0.1:18080 \
 *     --sparql http://127.0.0.1:13030/kg/sparql --password SECRET [--user admin] [--seconds 60] [--conns 64] \
 *     [--baseline 0]
 * </pre>
 */
public final class LoadUnderReload {
    private static final String DATA_GRAPH = "https://w3id.org/cikg/graph/data";
    private static final String COUNT_QUERY =
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + DATA_GRAPH + "> { ?s ?p ?o } }";
    private static final Pattern COUNT = Pattern.compile("\"value\"\\s*:\\s*\"(\\d+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String web;
    private final String sparql;
    private final String auth;

    /** One kind of request: how to build it and what its body must show. */
    private record Kind(String name, String url, String accept, Predicate<String> check, String expectation) {}

    /** What one kind did: latencies (ms), non-2xx statuses, connection errors, wrong answers, first failures. */
    private static final class Tally {
        final ConcurrentLinkedQueue<Double> ms = new ConcurrentLinkedQueue<>();
        final AtomicInteger status = new AtomicInteger();
        final AtomicInteger connection = new AtomicInteger();
        final AtomicInteger wrong = new AtomicInteger();
        final ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();

        void example(String s) {
            if (examples.size() < 3) {
                examples.add(s);
            }
        }
    }

    private LoadUnderReload(String web, String sparql, String user, String password) {
        this.web = web;
        this.sparql = sparql;
        this.auth =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        LoadUnderReload test = new LoadUnderReload(
                required(opt, "web"),
                required(opt, "sparql"),
                opt.getOrDefault("user", "admin"),
                required(opt, "password"));
        int code = test.run(
                Integer.parseInt(opt.getOrDefault("baseline", "0")),
                Integer.parseInt(opt.getOrDefault("seconds", "60")),
                Integer.parseInt(opt.getOrDefault("conns", "64")));
        System.exit(code);
    }

    private static String required(Map<String, String> opt, String name) {
        String v = opt.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return v;
    }

    private List<Kind> kinds(String expectedCount) {
        String q = sparql + "?query=";
        return List.of(
                new Kind(
                        "page",
                        web + "/page/deepseek",
                        "text/html",
                        b -> b.contains("Liang Wenfeng") && b.contains("DeepSeek"),
                        "DeepSeek page names Liang Wenfeng"),
                new Kind(
                        "page",
                        web + "/page/unitree-robotics",
                        "text/html",
                        b -> b.contains("Unitree Robotics") && b.contains("Hangzhou"),
                        "Unitree page names Hangzhou"),
                new Kind(
                        "question",
                        web + "/api/queries/policy-beneficiaries?policy=eagle-project",
                        "application/json",
                        b -> b.contains("https://w3id.org/cikg/id/unitree-robotics")
                                && b.contains("\"truncated\":false"),
                        "Eagle Project beneficiaries include Unitree Robotics"),
                new Kind(
                        "question",
                        web + "/api/queries/organisations-in-place?place=zhejiang&class=Startup",
                        "text/csv",
                        b -> b.contains("https://w3id.org/cikg/id/deepseek"),
                        "startups in Zhejiang include DeepSeek (CSV)"),
                new Kind(
                        "search",
                        web + "/api/search?q=Unitree",
                        "application/json",
                        b -> firstIri(b).equals("https://w3id.org/cikg/id/unitree-robotics"),
                        "search 'Unitree' ranks unitree-robotics first"),
                new Kind(
                        "search",
                        web + "/api/search?q=" + enc("梁文锋"),
                        "application/json",
                        b -> firstIri(b).equals("https://w3id.org/cikg/id/liang-wenfeng"),
                        "search '梁文锋' ranks liang-wenfeng first"),
                new Kind(
                        "sparql",
                        q + enc(COUNT_QUERY),
                        "application/sparql-results+json",
                        b -> expectedCount.equals(count(b)),
                        "data graph holds " + expectedCount + " triples"),
                new Kind(
                        "sparql",
                        q
                                + enc("SELECT ?f WHERE { <https://w3id.org/cikg/id/deepseek> "
                                        + "<https://w3id.org/cikg/ontology#founder> ?f }"),
                        "text/csv",
                        b -> b.contains("https://w3id.org/cikg/id/liang-wenfeng"),
                        "DeepSeek's founder is Liang Wenfeng"));
    }

    private static final Pattern FIRST_IRI = Pattern.compile("\"iri\"\\s*:\\s*\"([^\"]+)\"");

    private static String firstIri(String body) {
        Matcher m = FIRST_IRI.matcher(body);
        return m.find() ? m.group(1) : "";
    }

    private static String count(String body) {
        Matcher m = COUNT.matcher(body);
        return m.find() ? m.group(1) : "";
    }

    private int run(int baseline, int seconds, int conns) throws Exception {
        HttpResponse<String> c = get(sparql + "?query=" + enc(COUNT_QUERY), "application/sparql-results+json");
        String expectedCount = count(c.body());
        if (c.statusCode() != 200 || expectedCount.isEmpty()) {
            System.out.println("FAIL: cannot read the data graph's size before the run: " + c.statusCode());
            return 2;
        }
        List<Kind> kinds = kinds(expectedCount);
        for (Kind k : kinds) { // every check holds before the load starts, or the test itself is wrong
            HttpResponse<String> r = get(k.url(), k.accept());
            if (r.statusCode() != 200 || !k.check().test(r.body())) {
                System.out.println(
                        "FAIL: check does not hold at rest: " + k.expectation() + " (" + r.statusCode() + ")");
                return 2;
            }
        }
        Phase base = null;
        if (baseline > 0) {
            // JIT compilation and caches warm up first, or the baseline would be measured cold.
            System.out.printf(
                    Locale.ROOT, "%s: warm-up, %d connections for 10 s (not counted)%n", Instant.now(), conns);
            phase(kinds, 10, conns, false);
            System.out.printf(
                    Locale.ROOT, "%s: baseline, %d connections for %d s, no reload%n", Instant.now(), conns, baseline);
            base = phase(kinds, baseline, conns, false);
            base.print("baseline (no reload)");
        }
        System.out.printf(
                Locale.ROOT,
                "%n%s: %d connections for %d s (and until the last reload ends), forced " + "reloads back to back%n",
                Instant.now(),
                conns,
                seconds);
        Phase under = phase(kinds, seconds, conns, true);
        under.print("under reload");
        if (base != null) {
            System.out.printf(
                    Locale.ROOT,
                    "%nunder reload / baseline: throughput %.2f, p50 %.2f, p99 %.2f%n",
                    under.throughput() / base.throughput(),
                    under.pct(50) / base.pct(50),
                    under.pct(99) / base.pct(99));
        }
        int errors = under.errors() + (base == null ? 0 : base.errors());
        int wrong = under.wrong() + (base == null ? 0 : base.wrong());
        System.out.printf(
                Locale.ROOT,
                "SUMMARY conns=%d seconds=%.0f requests=%d throughput=%.0f/s p99=%.0fms "
                        + "errors=%d wrong=%d reloads=%d%n",
                conns,
                under.elapsed(),
                under.requests(),
                under.throughput(),
                under.pct(99),
                errors,
                wrong,
                under.reloadsDone());
        return errors == 0 && wrong == 0 && under.reloadsDone() > 0 ? 0 : 1;
    }

    /**
     * {@code conns} clients for {@code seconds}; with {@code reload}, one more client reloading back to back, and the
     * traffic goes on until the last reload started in that time has ended, so every swap happens under load.
     */
    private Phase phase(List<Kind> kinds, int seconds, int conns, boolean reload) throws InterruptedException {
        Map<String, Tally> tallies = new ConcurrentHashMap<>();
        kinds.forEach(k -> tallies.computeIfAbsent(k.name(), n -> new Tally()));
        Tally reloads = new Tally();
        AtomicInteger reloadsDone = new AtomicInteger();
        AtomicBoolean reloading = new AtomicBoolean(reload);
        String load0 = loadAverage();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < conns; i++) {
            int offset = i;
            threads.add(start("load-" + i, () -> {
                for (int n = offset; System.nanoTime() < end || reloading.get(); n++) {
                    Kind k = kinds.get(n % kinds.size());
                    one(k, tallies.get(k.name()));
                }
            }));
        }
        if (reload) {
            reloadLoop(end, reloads, reloadsDone);
            reloading.set(false);
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Phase(tallies, reloads, reloadsDone.get(), elapsed, load0, loadAverage());
    }

    private void reloadLoop(long end, Tally reloads, AtomicInteger reloadsDone) throws InterruptedException {
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(web + "/admin/reload?force=true"))
                                .header("Authorization", auth)
                                .timeout(Duration.ofSeconds(600))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                reloads.ms.add((System.nanoTime() - t0) / 1e6);
                if (r.statusCode() == 200 && r.body().contains("\"loaded\":true")) {
                    reloadsDone.incrementAndGet();
                } else {
                    reloads.status.incrementAndGet();
                    reloads.example(r.statusCode() + " " + abbreviate(r.body()));
                }
            } catch (IOException e) {
                reloads.connection.incrementAndGet();
                reloads.example(e.toString());
            }
        }
    }

    private static Thread start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.start();
        return t;
    }

    private void one(Kind k, Tally t) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = get(k.url(), k.accept());
            t.ms.add((System.nanoTime() - t0) / 1e6);
            if (r.statusCode() / 100 != 2) {
                t.status.incrementAndGet();
                t.example(k.url() + " -> " + r.statusCode() + " " + abbreviate(r.body()));
            } else if (!k.check().test(r.body())) {
                t.wrong.incrementAndGet();
                t.example(k.url() + " -> wrong answer (" + k.expectation() + "): " + abbreviate(r.body()));
            }
        } catch (IOException e) {
            t.ms.add((System.nanoTime() - t0) / 1e6);
            t.connection.incrementAndGet();
            t.example(k.url() + " -> " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> get(String url, String accept) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Accept", accept)
                        .timeout(Duration.ofSeconds(60))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** What one phase did. */
    private record Phase(
            Map<String, Tally> tallies, Tally reloads, int reloadsDone, double elapsed, String load0, String load1) {
        List<Double> all() {
            List<Double> all = new ArrayList<>();
            tallies.values().forEach(t -> all.addAll(t.ms));
            Collections.sort(all);
            return all;
        }

        long requests() {
            return all().size();
        }

        double throughput() {
            return requests() / elapsed;
        }

        double pct(double p) {
            return LoadUnderReload.pct(all(), p);
        }

        int errors() {
            int e = reloads.status.get() + reloads.connection.get();
            for (Tally t : tallies.values()) {
                e += t.status.get() + t.connection.get();
            }
            return e;
        }

        int wrong() {
            return tallies.values().stream().mapToInt(t -> t.wrong.get()).sum();
        }

        void print(String title) {
            System.out.printf(
                    Locale.ROOT, "%n%s: %.0f s, load average before %s, after %s%n%n", title, elapsed, load0, load1);
            System.out.println(
                    "| kind | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | connection errors | wrong answers |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (String name : List.of("page", "question", "search", "sparql")) {
                Tally t = tallies.get(name);
                row(name, new ArrayList<>(t.ms), elapsed, t.status.get(), t.connection.get(), t.wrong.get());
            }
            int status = tallies.values().stream().mapToInt(t -> t.status.get()).sum();
            int connection =
                    tallies.values().stream().mapToInt(t -> t.connection.get()).sum();
            row("all", all(), elapsed, status, connection, wrong());
            List<Double> r = new ArrayList<>(reloads.ms);
            Collections.sort(r);
            if (!r.isEmpty()) {
                System.out.printf(
                        Locale.ROOT,
                        "%nreloads completed: %d (failed: %d), each %.1f–%.1f s%n",
                        reloadsDone,
                        reloads.status.get() + reloads.connection.get(),
                        r.get(0) / 1000,
                        r.get(r.size() - 1) / 1000);
            }
            tallies.forEach((name, t) -> t.examples.forEach(x -> System.out.println("  " + name + ": " + x)));
            reloads.examples.forEach(x -> System.out.println("  reload: " + x));
        }
    }

    private static void row(String name, List<Double> ms, double elapsed, int status, int connection, int wrong) {
        Collections.sort(ms);
        System.out.printf(
                Locale.ROOT,
                "| %s | %,d | %,.0f | %.1f | %.1f | %.1f | %.1f | %d | %d | %d |%n",
                name,
                ms.size(),
                ms.size() / elapsed,
                pct(ms, 50),
                pct(ms, 90),
                pct(ms, 99),
                ms.isEmpty() ? Double.NaN : ms.get(ms.size() - 1),
                status,
                connection,
                wrong);
    }

    private static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static String abbreviate(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
