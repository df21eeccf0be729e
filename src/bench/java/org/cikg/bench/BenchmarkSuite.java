package org.cikg.bench;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.cikg.config.KgProperties;
import org.cikg.sparql.QueryCatalog;
import org.cikg.store.KnowledgeStore;
import org.cikg.store.load.BulkLoader;

/**
 * The benchmark suite (not a test: surefire does not pick it up). {@code bench/run.sh SIZE} generates the graph and
 * runs this; it writes {@code docs/benchmarks.md}. Every figure is set against a baseline measured in the same run:
 * our bulk load against RIOT parsing the same file, inference against the load, SPARQL over HTTP through our Fuseki
 * endpoint against the same SPARQL run in-process on the same store, the facade's operations against the raw
 * SPARQL, and (when {@code --virtuoso-sparql} is given) Virtuoso answering the same SPARQL on the same file.
 *
 * <p>Operations are data: SPARQL in {@code bench/queries/*.rq}, facade GETs in {@code bench/http-operations.tsv}.
 * Each step below is a small method; add one by adding a file line or a step. Every measurement is bounded in time.
 */
public final class BenchmarkSuite {
    private final Map<String, String> opt = new LinkedHashMap<>();
    private final List<String> md = new ArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path file;
    private final Path work;
    private final Duration perOperation;
    private final Map<String, Stats> inProcess = new LinkedHashMap<>();
    private final Map<String, Stats> viaFuseki = new LinkedHashMap<>();

    /** Latency figures of one operation, in milliseconds. */
    record Stats(int runs, double p50, double p99, long rows) {
        static Stats of(List<Double> ms, long rows) {
            List<Double> s = new ArrayList<>(ms);
            Collections.sort(s);
            return new Stats(s.size(), pct(s, 0.50), pct(s, 0.99), rows);
        }

        static double pct(List<Double> sorted, double p) {
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
        }
    }

    /** A named SPARQL query from {@code bench/queries}. */
    record Sparql(String name, String text, String comment) {}

    private BenchmarkSuite(String[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        this.file = Path.of(required("file"));
        this.work = Path.of(opt.getOrDefault("work", "/tmp/cikg-bench"));
        this.perOperation = Duration.ofSeconds(Long.parseLong(opt.getOrDefault("seconds", "8")));
    }

    private String required(String name) {
        String v = opt.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    public static void main(String[] args) {
        try {
            new BenchmarkSuite(args).run();
            System.exit(0);
        } catch (Exception e) {
            // Exit even with load-client threads still running: a suite left hanging once kept a loopback port
            // (and a Virtuoso server) busy and spoiled the next run.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private void run() throws Exception {
        Instant started = Instant.now();
        List<Sparql> queries = readQueries(Path.of("bench/queries"));
        header();
        double parseRate = parseOnly();
        double tdbloaderRate = tdbloaderCli(parseRate);
        Path store = work.resolve("store");
        bulkLoad(store, parseRate, tdbloaderRate);
        List<Equivalent> equivalents = readEquivalents(Path.of("bench/equivalents.tsv"));
        inProcessQueries(store, queries, equivalents);
        virtuosoImportInferred(store);
        service(store, queries, equivalents);
        virtuoso(queries, equivalents);
        md.add("");
        md.add("Run took " + Duration.between(started, Instant.now()).toSeconds() + " s. Load average (1, 5, 15 min): "
                + loadAverages + " at the end "
                + Files.readString(Path.of("/proc/loadavg")).trim()
                + ". Other builds and test suites shared the two cores during the run.");
        Path out = Path.of(opt.getOrDefault("out", "docs/benchmarks.md"));
        Path template = Path.of("bench/benchmarks-intro.md");
        List<String> all = new ArrayList<>(Files.exists(template) ? Files.readAllLines(template) : List.of());
        all.addAll(md);
        // The in-process JMH sections come from bench/jmh.sh, a separate run: keep them.
        List<String> jmh = JmhReport.jmhSections(Files.exists(out) ? Files.readAllLines(out) : List.of());
        if (!jmh.isEmpty()) {
            all.add("");
            all.addAll(jmh);
        }
        Files.write(out, all);
        System.out.println("Wrote " + out);
    }

    // ---- machine and versions --------------------------------------------------------------------------------

    private void header() throws IOException {
        md.add("## Run of " + Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC, "
                + opt.getOrDefault("size", "?") + " triples");
        md.add("");
        md.add("Command: `" + opt.getOrDefault("command", "bench/run.sh " + opt.getOrDefault("size", "1M")) + "`");
        md.add("");
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name"))
                .findFirst()
                .map(l -> l.replaceFirst(".*:\\s*", ""))
                .orElse("?");
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        md.add("| machine | |");
        md.add("|---|---|");
        md.add("| CPU | " + cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores available |");
        md.add("| memory | " + mem + " |");
        md.add("| load average at start (1, 5, 15 min) | " + load + " |");
        md.add("| Java | " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", harness heap max " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB |");
        md.add("| Jena | " + org.apache.jena.sys.JenaSystem.class.getPackage().getImplementationVersion() + " |");
        md.add("| Spring Boot | " + org.springframework.boot.SpringBootVersion.getVersion() + " |");
        md.add("| Virtuoso | " + opt.getOrDefault("virtuoso-version", "not run") + " |");
        md.add("| input | `" + file.getFileName() + "`, " + Files.size(file) / (1 << 20) + " MB, generated with "
                + "`generate --triples " + opt.getOrDefault("size", "?") + " --seed " + opt.getOrDefault("seed", "42")
                + "` in " + opt.getOrDefault("generate-seconds", "?") + " s |");
        md.add("");
    }

    // ---- load ------------------------------------------------------------------------------------------------

    private double parseOnly() {
        long[] n = {0};
        long t0 = System.nanoTime();
        RDFParser.source(file.toString()).parse(new StreamRDFBase() {
            @Override
            public void triple(Triple triple) {
                n[0]++;
            }

            @Override
            public void quad(Quad quad) {
                n[0]++;
            }
        });
        double s = (System.nanoTime() - t0) / 1e9;
        double rate = n[0] / s;
        parsedTriples = n[0];
        md.add("### Load");
        md.add("");
        md.add("| step | triples | seconds | triples/s | ratio |");
        md.add("|---|---:|---:|---:|---|");
        md.add(String.format(Locale.ROOT, "| RIOT parse only (baseline) | %,d | %.1f | %,.0f | 1.00 |", n[0], s, rate));
        return rate;
    }

    /**
     * {@code tdb2.tdbloader --loader=parallel} itself (jena-cmds, a separate JVM with the same heap as the service) on
     * the same file into a scratch store, deleted after: the baseline our own load is held to.
     */
    private double tdbloaderCli(double parseRate) throws Exception {
        Path scratch = work.resolve("tdbloader-store");
        deleteTree(scratch);
        List<String> cmd = List.of(
                "java",
                "-Xmx" + opt.getOrDefault("service-heap", "2g"),
                "-cp",
                System.getProperty("java.class.path"),
                "tdb2.tdbloader",
                "--loader=parallel",
                "--loc",
                scratch.toString(),
                "--graph=https://w3id.org/cikg/graph/data",
                file.toString());
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("tdbloader.log").toFile())
                .start();
        if (!p.waitFor(3600, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            md.add("| `tdb2.tdbloader --loader=parallel` (CLI) | failed: see tdbloader.log | | | |");
            return Double.NaN;
        }
        double s = (System.nanoTime() - t0) / 1e9;
        long n = countTriplesIn(work.resolve("tdbloader.log"));
        double rate = n / s;
        md.add(String.format(
                Locale.ROOT,
                "| `tdb2.tdbloader --loader=parallel` (CLI, own JVM, start-up included) | %,d | "
                        + "%.1f | %,.0f | %.2f × parse |",
                n,
                s,
                rate,
                rate / parseRate));
        deleteTree(scratch);
        return rate;
    }

    /** The triple count tdbloader reports, else the count RIOT parsing found (same file). */
    private long countTriplesIn(Path log) throws IOException {
        Matcher m = Pattern.compile("([0-9,]+) tuples|Triples = ([0-9,]+)|([0-9,]+) triples")
                .matcher(Files.readString(log));
        long best = 0;
        while (m.find()) {
            for (int g = 1; g <= 3; g++) {
                if (m.group(g) != null) {
                    best = Math.max(best, Long.parseLong(m.group(g).replace(",", "")));
                }
            }
        }
        return best > 0 ? best : parsedTriples;
    }

    private long parsedTriples;

    private void bulkLoad(Path store, double parseRate, double tdbloaderRate) throws IOException {
        String plans = opt.getOrDefault("loaders", "parallel");
        for (String plan : plans.split(",")) {
            deleteTree(store);
            KnowledgeStore ks = open(store);
            try {
                BulkLoader.Report r =
                        new BulkLoader(ks, props(store), System.out::println).load(file, BulkLoader.Plan.of(plan));
                double loadS = r.load().toNanos() / 1e9;
                double infS = r.inference().toNanos() / 1e9;
                md.add(String.format(
                        Locale.ROOT,
                        "| `load --file` with TDB2's %s loader | %,d | %.1f | %,.0f | %.2f × parse, "
                                + "%.2f × `tdb2.tdbloader` |",
                        plan,
                        r.fileTriples(),
                        loadS,
                        r.loadTriplesPerSecond(),
                        r.loadTriplesPerSecond() / parseRate,
                        r.loadTriplesPerSecond() / tdbloaderRate));
                md.add(String.format(
                        Locale.ROOT,
                        "| inference after it (%,d triples added; union %,d) | | %.1f | | +%.0f%% of the load time |",
                        r.inferred(),
                        r.total(),
                        infS,
                        100 * infS / loadS));
            } finally {
                ks.destroy();
            }
        }
        long bytes;
        try (Stream<Path> s = Files.walk(store)) {
            bytes = s.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
        md.add("");
        md.add(String.format(Locale.ROOT, "Store on disk after the load: %,d MB.", bytes >> 20));
        md.add("");
    }

    // ---- SPARQL in-process -----------------------------------------------------------------------------------

    private void inProcessQueries(Path store, List<Sparql> queries, List<Equivalent> equivalents) {
        KnowledgeStore ks = open(store);
        try {
            for (Sparql q : queries) {
                inProcess.put(q.name(), measure(() -> runInProcess(ks, QueryFactory.create(q.text()))));
                System.out.println("in-process " + q.name() + " " + inProcess.get(q.name()));
            }
            for (Equivalent e : equivalents) {
                inProcess.put(
                        "equivalent:" + e.operation(), measure(() -> runInProcess(ks, QueryFactory.create(e.text()))));
            }
        } finally {
            ks.destroy();
        }
    }

    private static long runInProcess(KnowledgeStore ks, Query parsed) {
        return Txn.calculateRead(ks.dataset(), () -> {
            try (QueryExec qe = QueryExec.dataset(ks.dataset())
                    .query(parsed)
                    .timeout(60, java.util.concurrent.TimeUnit.SECONDS)
                    .build()) {
                if (parsed.isConstructType()) {
                    return (long) qe.construct().size();
                }
                RowSet rows = qe.select();
                long n = 0;
                while (rows.hasNext()) {
                    rows.next();
                    n++;
                }
                return n;
            }
        });
    }

    /** A facade operation's SPARQL equivalent (bench/equivalents.tsv), with its values substituted. */
    record Equivalent(String operation, String file, String text) {}

    /**
     * The query with the values in its text: substituted for the variables (as the service binds them), or, where
     * that does not make valid SPARQL ({@code BOUND(?class)} with a constant), as an inline {@code VALUES} row at the
     * start of the query's group, whose filters then see them bound.
     */
    private static String boundText(Query q, Map<org.apache.jena.sparql.core.Var, org.apache.jena.graph.Node> values) {
        String text = org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps.transform(q, values)
                .serialize();
        try {
            QueryFactory.create(text);
            return text;
        } catch (org.apache.jena.query.QueryParseException e) {
            Query copy = q.cloneQuery();
            org.apache.jena.sparql.syntax.ElementData data = new org.apache.jena.sparql.syntax.ElementData();
            org.apache.jena.sparql.engine.binding.BindingBuilder row =
                    org.apache.jena.sparql.engine.binding.Binding.builder();
            values.forEach((v, n) -> {
                data.add(v);
                row.add(v, n);
            });
            data.add(row.build());
            ((org.apache.jena.sparql.syntax.ElementGroup) copy.getQueryPattern())
                    .getElements()
                    .add(0, data);
            return copy.serialize();
        }
    }

    private static List<Equivalent> readEquivalents(Path tsv) throws IOException {
        List<Equivalent> out = new ArrayList<>();
        if (!Files.exists(tsv)) {
            return out;
        }
        for (String line : Files.readAllLines(tsv)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            Query q = QueryFactory.create(Files.readString(Path.of(f[1])));
            Map<org.apache.jena.sparql.core.Var, org.apache.jena.graph.Node> values = new LinkedHashMap<>();
            if (f.length > 2 && !f[2].isBlank()) {
                for (String b : f[2].split(";")) {
                    String[] kv = b.split("=", 2);
                    values.put(
                            org.apache.jena.sparql.core.Var.alloc(kv[0].trim()),
                            org.apache.jena.sparql.util.NodeFactoryExtra.parseNode(kv[1].trim()));
                }
            }
            out.add(new Equivalent(f[0], f[1], boundText(q, values)));
        }
        return out;
    }

    /**
     * Warm-up (20 runs or a quarter of the budget, whichever ends first), then timed runs until 30 runs or the
     * per-operation budget is spent (at least 3).
     */
    private Stats measure(Supplier<Long> op) {
        return measure(() -> null, op);
    }

    private Stats measure(Supplier<Void> before, Supplier<Long> op) {
        long rows = 0;
        long warmEnd = System.nanoTime() + perOperation.toNanos() / 4;
        for (int i = 0; i < 20 && System.nanoTime() < warmEnd; i++) {
            before.get();
            rows = op.get();
        }
        List<Double> ms = new ArrayList<>();
        long end = System.nanoTime() + perOperation.toNanos();
        while (ms.size() < 30 && (ms.size() < 3 || System.nanoTime() < end)) {
            before.get();
            long t0 = System.nanoTime();
            rows = op.get();
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        return Stats.of(ms, rows);
    }

    // ---- the service: start-up, memory, SPARQL over HTTP, facade, load --------------------------------------

    private void service(Path store, List<Sparql> queries, List<Equivalent> equivalents) throws Exception {
        int port = Integer.parseInt(opt.getOrDefault("port", "18080"));
        int fusekiPort = Integer.parseInt(opt.getOrDefault("fuseki-port", "13030"));
        List<String> cmd = new ArrayList<>(List.of(
                "java",
                "-Xmx" + opt.getOrDefault("service-heap", "2g"),
                "-XX:+ExitOnOutOfMemoryError",
                "-jar",
                required("jar"),
                "--kg.store.location=" + store.toAbsolutePath(),
                "--kg.store.load-on-start=false",
                "--server.port=" + port,
                "--kg.fuseki.port=" + fusekiPort,
                "--kg.sparql.timeout=60s",
                // every benchmark client comes from 127.0.0.1: no per-address limit on what it measures
                "--kg.sparql.max-concurrent=512",
                "--kg.sparql.max-concurrent-per-client=512",
                "--kg.admin.password=" + ADMIN_PASSWORD,
                "--management.endpoints.web.exposure.include=health,metrics",
                "--logging.level.org.apache.jena.fuseki=WARN",
                "--logging.level.org.apache.jena.fuseki.Fuseki=WARN"));
        String base = "http://127.0.0.1:" + port;
        String sparql = "http://127.0.0.1:" + fusekiPort + "/kg/sparql";
        update = "http://127.0.0.1:" + fusekiPort + "/kg/update";
        // First start after the load: builds the search index (kept on disk in the store's folder). Then the restart
        // that matters: over the existing store, which opens the index instead.
        double[] first = startAndStop(cmd, base, work.resolve("service-first.log"));
        double[] cds = null;
        String cdsDir = opt.get("cds-dir");
        if (cdsDir != null && Files.exists(Path.of(cdsDir, "app.jsa"))) {
            // The same service from the extracted jar with the class-data archive bench/cds.sh trained (JVM start-up
            // work: class loading and verification, done once and mapped from the archive).
            List<String> withCds = new ArrayList<>(cmd);
            int jar = withCds.indexOf("-jar");
            withCds.set(jar + 1, Path.of(cdsDir, "cikg.jar").toString());
            withCds.add(1, "-XX:SharedArchiveFile=" + Path.of(cdsDir, "app.jsa"));
            startAndStop(withCds, base, work.resolve("service-cds-warm.log"));
            cds = startAndStop(withCds, base, work.resolve("service-cds.log"));
        }
        Path log = work.resolve("service.log");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            loadAverages += "before the restart "
                    + Files.readString(Path.of("/proc/loadavg")).trim();
            double startS = waitUntilUp(base + "/actuator/health", t0, Duration.ofSeconds(600));
            double readyS = waitUntilUp(base + "/api/search?q=hang", t0, Duration.ofSeconds(600));
            Thread.sleep(2000);
            long heapRest = heapUsed(base);
            long rssRest = rss(p.pid());
            for (Sparql q : queries) {
                String url = sparql + "?query=" + URLEncoder.encode(q.text(), StandardCharsets.UTF_8);
                viaFuseki.put(q.name(), measure(() -> sparqlRows(url)));
                System.out.println("fuseki " + q.name() + " " + viaFuseki.get(q.name()));
            }
            for (Equivalent e : equivalents) {
                viaFuseki.put(
                        "equivalent:" + e.operation(),
                        measure(() -> fetchCount(
                                sparqlUrl(sparql, e.text(), null),
                                QueryFactory.create(e.text()).isConstructType())));
            }
            md.add("### Start-up and memory");
            md.add("");
            md.add("| figure | value |");
            md.add("|---|---:|");
            md.add(String.format(
                    Locale.ROOT,
                    "| first start after the load: health UP / search answering (builds the "
                            + "search index and writes it to the store's folder) | %.1f s / %.1f s |",
                    first[0],
                    first[1]));
            md.add(String.format(
                    Locale.ROOT,
                    "| **restart over the existing store**: health UP / search answering "
                            + "(opens the index) | **%.1f s / %.1f s** |",
                    startS,
                    readyS));
            if (cds != null) {
                md.add(String.format(
                        Locale.ROOT,
                        "| restart with an AppCDS archive (`bench/cds.sh`): health UP / search "
                                + "answering | %.1f s / %.1f s |",
                        cds[0],
                        cds[1]));
            }
            md.add(String.format(
                    Locale.ROOT,
                    "| heap used at rest (after start-up, `-Xmx%s`) | %,d MB |",
                    opt.getOrDefault("service-heap", "2g"),
                    heapRest >> 20));
            md.add(String.format(Locale.ROOT, "| RSS at rest | %,d MB |", rssRest >> 20));
            md.add("");
            sparqlTable(queries);
            facadeLatency(base, equivalents);
            loadAverages += "; before the concurrent runs "
                    + Files.readString(Path.of("/proc/loadavg")).trim();
            RssSampler sampler = new RssSampler(p.pid());
            sampler.start();
            facade(base, sparql, queries);
            sampler.interrupt();
            long heapLoad = heapUsed(base);
            long rssLoad = rss(p.pid());
            md.add(String.format(
                    Locale.ROOT,
                    "Memory: at rest heap %,d MB, RSS %,d MB; under the load runs above RSS up to "
                            + "%,d MB; right after them heap %,d MB, RSS %,d MB (TDB2's files are memory-mapped: RSS counts "
                            + "the pages of the store read, which the OS can drop).",
                    heapRest >> 20,
                    rssRest >> 20,
                    sampler.max >> 20,
                    heapLoad >> 20,
                    rssLoad >> 20));
            md.add("");
        } finally {
            stop(p);
        }
    }

    private static final String ADMIN_PASSWORD = "bench-secret";
    private String loadAverages = "";
    private String update;

    /** Starts the service, waits for health UP and for search to answer, stops it; returns both times. */
    private double[] startAndStop(List<String> cmd, String base, Path log) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            double up = waitUntilUp(base + "/actuator/health", t0, Duration.ofSeconds(600));
            double ready = waitUntilUp(base + "/api/search?q=hang", t0, Duration.ofSeconds(1800));
            return new double[] {up, ready};
        } finally {
            stop(p);
        }
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
        if (p.isAlive()) {
            p.destroyForcibly();
            p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** The highest RSS of a process while it runs. */
    private static final class RssSampler extends Thread {
        private final long pid;
        volatile long max;

        RssSampler(long pid) {
            this.pid = pid;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                try {
                    max = Math.max(max, rss(pid));
                    Thread.sleep(250);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * Moves the service's data version without changing the data (an empty admin update): every cache keyed by it
     * starts empty, so the next request is a cold one.
     */
    private void coldCaches() {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(update))
                    .header(
                            "Authorization",
                            "Basic "
                                    + java.util.Base64.getEncoder()
                                            .encodeToString(
                                                    ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { }"))
                    .build();
            HttpResponse<Void> r = http.send(req, HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException("empty update: HTTP " + r.statusCode());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private final Map<String, Stats> facadeWarm = new LinkedHashMap<>();
    private final Map<String, Stats> facadeCold = new LinkedHashMap<>();

    /**
     * Each facade operation alone (one client): warm (repeated, served from the caches) and cold (the caches emptied
     * before each request), next to its SPARQL equivalent through our Fuseki endpoint and in-process.
     */
    private void facadeLatency(String base, List<Equivalent> equivalents) throws IOException {
        Map<String, String> ops = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("bench/http-operations.tsv"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] f = line.split("\t");
                ops.put(f[0], f[1]);
            }
        }
        md.add("### Facade operations alone: warm and cold caches");
        md.add("");
        md.add(
                "One client, milliseconds. Access pattern: one fixed entity or parameter set per operation. Warm: the same request repeated (served from the caches keyed by the data "
                        + "version). Cold: before each request an empty admin update moves the data version, so pages, answers "
                        + "and exports are computed afresh (TDB2's and the OS's own caches stay warm). Equivalent: the SPARQL in "
                        + "`bench/equivalents.tsv`, through our Fuseki endpoint and in-process.");
        md.add("");
        md.add(
                "| operation | warm p50 | warm p99 | cold p50 | cold p99 | equivalent via Fuseki p50 | in-process p50 |");
        md.add("|---|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, String> op : ops.entrySet()) {
            String url = base + op.getValue();
            Stats warm = measure(() -> facadeGet(url));
            Stats cold = measureAfter(this::coldCaches, () -> facadeGet(url));
            facadeWarm.put(op.getKey(), warm);
            facadeCold.put(op.getKey(), cold);
            Stats eq = viaFuseki.get("equivalent:" + op.getKey());
            Stats in = inProcess.get("equivalent:" + op.getKey());
            md.add(String.format(
                    Locale.ROOT,
                    "| `%s` | %.2f | %.2f | %.2f | %.2f | %s | %s |",
                    op.getKey(),
                    warm.p50(),
                    warm.p99(),
                    cold.p50(),
                    cold.p99(),
                    eq == null ? "" : String.format(Locale.ROOT, "%.2f", eq.p50()),
                    in == null ? "" : String.format(Locale.ROOT, "%.2f", in.p50())));
            System.out.println("facade " + op.getKey() + " warm " + warm + " cold " + cold);
        }
        md.add("");
    }

    private long facadeGet(String url) {
        try {
            HttpResponse<byte[]> r = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Accept", "text/html, application/json;q=0.9, */*;q=0.1")
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() >= 400) {
                throw new IllegalStateException(url + ": HTTP " + r.statusCode());
            }
            return r.body().length;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** As {@link #measure}, with {@code before} run (untimed) before each run, warm-up included. */
    private Stats measureAfter(Runnable before, Supplier<Long> op) {
        return measure(
                () -> {
                    before.run();
                    return null;
                },
                op);
    }

    private void sparqlTable(List<Sparql> queries) {
        md.add("### The same SPARQL in-process and over HTTP through our Fuseki endpoint");
        md.add("");
        md.add(
                "Access pattern: each query text repeated (one fixed entity). Median and p99 of up to 30 runs after warm-up, milliseconds; ratio = HTTP median / in-process median "
                        + "(the cost of the HTTP hop, JSON results and Fuseki's request handling).");
        md.add("");
        md.add("| query | rows | in-process p50 | p99 | Fuseki HTTP p50 | p99 | HTTP / in-process |");
        md.add("|---|---:|---:|---:|---:|---:|---:|");
        for (Sparql q : queries) {
            Stats a = inProcess.get(q.name());
            Stats b = viaFuseki.get(q.name());
            md.add(String.format(
                    Locale.ROOT,
                    "| `%s`: %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f |",
                    q.name(),
                    q.comment(),
                    a.rows(),
                    a.p50(),
                    a.p99(),
                    b.p50(),
                    b.p99(),
                    b.p50() / a.p50()));
        }
        md.add("");
    }

    private void facade(String base, String sparql, List<Sparql> queries) throws Exception {
        md.add("### Over HTTP under concurrent load (Java client, loopback)");
        md.add("");
        int seconds = Integer.parseInt(opt.getOrDefault("load-seconds", "10"));
        md.add("Each row: " + seconds + " s of closed-loop requests from N client threads on the same machine "
                + "(the client shares the 2 cores with the server). Access pattern: every row repeats one fixed request (the "
                + "entity, parameters and query named in `bench/http-operations.tsv` and `bench/queries`), so a facade row "
                + "measures its cache after the first request; random entities, cold then warm, are in the section "
                + "\"Random entities\" (`bench/random-entities.sh`).");
        md.add("");
        md.add("| operation | clients | requests/s | p50 ms | p99 ms | errors |");
        md.add("|---|---:|---:|---:|---:|---:|");
        Map<String, String> targets = new LinkedHashMap<>();
        Sparql describe = queries.get(0);
        targets.put(
                "SPARQL `" + describe.name() + "` via Fuseki",
                sparql + "?query=" + URLEncoder.encode(describe.text(), StandardCharsets.UTF_8));
        List<String> missing = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("bench/http-operations.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            HttpResponse<Void> probe = http.send(
                    HttpRequest.newBuilder(URI.create(base + f[1])).build(), HttpResponse.BodyHandlers.discarding());
            if (probe.statusCode() == 404) {
                missing.add(f[0] + " (`" + f[1] + "`)");
            } else {
                targets.put("facade `" + f[0] + "` " + f[1], base + f[1]);
            }
        }
        for (Map.Entry<String, String> t : targets.entrySet()) {
            for (String c : opt.getOrDefault("clients", "1,16,64").split(",")) {
                load(t.getKey(), t.getValue(), Integer.parseInt(c), Duration.ofSeconds(seconds));
            }
        }
        md.add("");
        if (!missing.isEmpty()) {
            md.add("Not in this build (404 on the probe), so not measured: " + String.join(", ", missing) + ".");
            md.add("");
        }
    }

    private void load(String name, String url, int clients, Duration d) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + d.toNanos();
        List<Future<List<Double>>> futures = new ArrayList<>();
        int[] errors = new int[clients];
        for (int i = 0; i < clients; i++) {
            int me = i;
            futures.add(pool.submit(() -> {
                List<Double> ms = new ArrayList<>();
                HttpRequest req = HttpRequest.newBuilder(URI.create(url))
                        .header("Accept", "application/sparql-results+json, text/html;q=0.9, */*;q=0.1")
                        .timeout(Duration.ofSeconds(30))
                        .build();
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() >= 400) {
                            errors[me]++;
                        }
                    } catch (java.io.IOException e) {
                        // A request past the client's 30 s timeout counts as an error, with its time.
                        errors[me]++;
                    }
                    ms.add((System.nanoTime() - t0) / 1e6);
                }
                return ms;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();
        Stats s = Stats.of(all, 0);
        int errs = java.util.Arrays.stream(errors).sum();
        md.add(String.format(
                Locale.ROOT,
                "| %s | %d | %,.0f | %.1f | %.1f | %d |",
                name,
                clients,
                all.size() / (d.toNanos() / 1e9),
                s.p50(),
                s.p99(),
                errs));
        System.out.println("load " + name + " x" + clients + ": " + all.size() + " requests, p50 " + s.p50());
    }

    // ---- Virtuoso ----------------------------------------------------------------------------------------------

    private double virtuosoInferredSeconds = Double.NaN;
    private long inferredTriples;

    /**
     * Gives Virtuoso our inferred triples too (written from the store to N-Triples and bulk-loaded into the same
     * graph), so the named questions, which rely on the materialised closure, ask both systems the same graph.
     */
    private void virtuosoImportInferred(Path store) throws Exception {
        String isqlPort = opt.get("virtuoso-isql");
        if (opt.get("virtuoso-sparql") == null || isqlPort == null) {
            return;
        }
        Path nt = work.resolve("inferred.nt");
        KnowledgeStore ks = open(store);
        try (java.io.OutputStream out = Files.newOutputStream(nt)) {
            Txn.executeRead(ks.dataset(), () -> {
                org.apache.jena.graph.Graph g = ks.dataset()
                        .getGraph(org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/cikg/graph/inferred"));
                inferredTriples = g.size();
                org.apache.jena.riot.RDFDataMgr.write(out, g, org.apache.jena.riot.RDFFormat.NTRIPLES);
            });
        } finally {
            ks.destroy();
        }
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(
                        "isql-vt",
                        "127.0.0.1:" + isqlPort,
                        "dba",
                        "dba",
                        "exec=ld_dir('" + work.toAbsolutePath()
                                + "', 'inferred.nt', 'https://w3id.org/cikg/graph/data'); "
                                + "rdf_loader_run(); checkpoint;")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("virtuoso-inferred.log").toFile())
                .start();
        if (p.waitFor(1800, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0) {
            virtuosoInferredSeconds = (System.nanoTime() - t0) / 1e9;
        } else {
            p.destroyForcibly();
        }
        Files.deleteIfExists(nt);
    }

    private void virtuoso(List<Sparql> queries, List<Equivalent> equivalents) {
        String endpoint = opt.get("virtuoso-sparql");
        md.add("### Virtuoso on the same file and the same SPARQL");
        md.add("");
        if (endpoint == null) {
            md.add("Not run (start `bench/run.sh` with Virtuoso installed: `apt-get install virtuoso-opensource`).");
            md.add("");
            return;
        }
        String graph = opt.getOrDefault("virtuoso-graph", "https://w3id.org/cikg/graph/data");
        double vLoad = Double.parseDouble(opt.getOrDefault("virtuoso-load-seconds", "NaN"));
        md.add(String.format(
                Locale.ROOT,
                "Virtuoso bulk load (`ld_dir` + `rdf_loader_run` + `checkpoint`) of the same "
                        + "file: %.1f s; then our %,d inferred triples into the same graph: %.1f s (so the questions, which "
                        + "rely on the materialised closure, see the same graph on both). Row counts show whether both "
                        + "systems gave the same answer (raw SPARQL: Virtuoso's default graph is that one graph, ours the "
                        + "union of ontology, data and inferred graphs).",
                vLoad,
                inferredTriples,
                virtuosoInferredSeconds));
        md.add("");
        md.add("#### Raw SPARQL");
        md.add("");
        md.add(
                "| query | rows ours / Virtuoso | Fuseki HTTP p50 ms | Virtuoso HTTP p50 ms | Fuseki / Virtuoso | in-process / Virtuoso |");
        md.add("|---|---|---:|---:|---:|---:|");
        for (Sparql q : queries) {
            String url = sparqlUrl(endpoint, q.text(), graph);
            Stats v = measure(() -> sparqlRows(url));
            Stats f = viaFuseki.get(q.name());
            Stats i = inProcess.get(q.name());
            md.add(String.format(
                    Locale.ROOT,
                    "| `%s` | %d / %d | %.2f | %.2f | %.2f | %.2f |",
                    q.name(),
                    i.rows(),
                    v.rows(),
                    f.p50(),
                    v.p50(),
                    f.p50() / v.p50(),
                    i.p50() / v.p50()));
            System.out.println("virtuoso " + q.name() + " " + v);
        }
        md.add("");
        md.add("#### What users see against Virtuoso answering the equivalent SPARQL");
        md.add("");
        md.add("Facade operation (one client, over HTTP, warm and cold caches as above) against the SPARQL of "
                + "`bench/equivalents.tsv` sent to Virtuoso over HTTP. Ratio below 1: the facade answers faster.");
        md.add("");
        md.add("| operation | rows / triples ours / Virtuoso | facade warm p50 | facade cold p50 | Virtuoso p50 | "
                + "warm / Virtuoso | cold / Virtuoso |");
        md.add("|---|---|---:|---:|---:|---:|---:|");
        for (Equivalent e : equivalents) {
            boolean construct = QueryFactory.create(e.text()).isConstructType();
            String url = sparqlUrl(endpoint, e.text(), graph);
            Stats v;
            try {
                v = measure(() -> fetchCount(url, construct));
            } catch (RuntimeException ex) {
                String why = String.valueOf(ex.getMessage()).replace('|', '/').replaceAll("\\s+", " ");
                md.add("| `" + e.operation() + "` | Virtuoso failed: " + why.substring(0, Math.min(120, why.length()))
                        + " | | | | | |");
                continue;
            }
            Stats warm = facadeWarm.get(e.operation());
            Stats cold = facadeCold.get(e.operation());
            Stats ours = inProcess.get("equivalent:" + e.operation());
            if (warm == null || cold == null) {
                continue;
            }
            md.add(String.format(
                    Locale.ROOT,
                    "| `%s` | %d / %d | %.2f | %.2f | %.2f | %.2f | %.2f |",
                    e.operation(),
                    ours == null ? -1 : ours.rows(),
                    v.rows(),
                    warm.p50(),
                    cold.p50(),
                    v.p50(),
                    warm.p50() / v.p50(),
                    cold.p50() / v.p50()));
            System.out.println("virtuoso equivalent " + e.operation() + " " + v);
        }
        md.add("");
    }

    private static String sparqlUrl(String endpoint, String text, String graph) {
        return endpoint + "?"
                + (graph == null ? "" : "default-graph-uri=" + URLEncoder.encode(graph, StandardCharsets.UTF_8) + "&")
                + "query=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Rows of a SELECT (SPARQL JSON) or triples of a CONSTRUCT (N-Triples lines). */
    private long fetchCount(String url, boolean construct) {
        if (!construct) {
            return sparqlRows(url);
        }
        try (InputStream in = get(url, "application/n-triples")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private long sparqlRows(String url) {
        try (InputStream in = get(url, "application/sparql-results+json")) {
            org.apache.jena.query.ResultSet rows = ResultSetMgr.read(in, ResultSetLang.RS_JSON);
            long n = 0;
            while (rows.hasNext()) {
                rows.next();
                n++;
            }
            return n;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The body of a GET answered 200; otherwise fails with the status and the server's message first. */
    private InputStream get(String url, String accept) throws IOException {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(url))
                    .header("Accept", accept)
                    .timeout(Duration.ofSeconds(60))
                    .build();
            HttpResponse<InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                // Status and the server's message first: the report keeps only the start of it.
                throw new IllegalStateException("HTTP " + r.statusCode() + " "
                        + new String(r.body().readAllBytes(), StandardCharsets.UTF_8)
                                .lines()
                                .findFirst()
                                .orElse("") + " (" + url + ")");
            }
            return r.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private double waitUntilUp(String health, long t0, Duration limit) throws Exception {
        long end = t0 + limit.toNanos();
        while (System.nanoTime() < end) {
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(health)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200
                        && (!health.endsWith("/health") || r.body().contains("\"UP\""))) {
                    return (System.nanoTime() - t0) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(
                "service not up within " + limit + " (see " + work.resolve("service.log") + ")");
    }

    private long heapUsed(String base) throws Exception {
        String body = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = Pattern.compile("\"value\"\\s*:\\s*([0-9.E+]+)").matcher(body);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
    }

    private static long rss(long pid) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }

    private KgProperties props(Path store) {
        return new KgProperties(
                new KgProperties.Store(store, Path.of("ontology"), Path.of("data")),
                new KgProperties.Sparql(Duration.ofSeconds(60), Path.of("queries")),
                new KgProperties.Fuseki(false, 0),
                new KgProperties.Admin("admin", ""));
    }

    private KnowledgeStore open(Path store) {
        KgProperties p = props(store);
        return new KnowledgeStore(p, new QueryCatalog(p));
    }

    private static List<Sparql> readQueries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".rq"))
                    .sorted()
                    .map(p -> {
                        try {
                            String text = Files.readString(p);
                            String comment = text.lines()
                                    .filter(l -> l.startsWith("#"))
                                    .findFirst()
                                    .map(l -> l.substring(1).trim())
                                    .orElse("");
                            return new Sparql(p.getFileName().toString().replace(".rq", ""), text, comment);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
