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
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.cikg.store.Graphs;
import org.cikg.store.load.Materializer;

/**
 * What the year views and the explanations cost, on a synthetic graph (run by {@code bench/as-of.sh}; writes
 * {@code docs/benchmarks-as-of.md}). Two parts, each with its baseline measured in the same run:
 *
 * <ol>
 *   <li><b>The cost the on-demand design avoids.</b> The same graph (the ontology plus the generated file, TDB2's
 *       parallel bulk loader, as {@code load --file} does) loaded into fresh stores and materialised three ways:
 *       by the load's own {@code Materializer} (the baseline, what the service does), by the prototype
 *       {@link DerivationRecorder} without recording (same engine as the next, to separate engine from recording),
 *       and by it recording one derivation node per inferred triple. Load time, inference time, quads and store
 *       size on disk, each as a ratio to the baseline.
 *   <li><b>Pages and explanations over HTTP.</b> The service started over a store bulk-loaded from the same file
 *       ({@code load --file}), then, with 16 clients (closed loop), passes over one list of random companies: the
 *       current pages with the caches emptied (cold), the same again (warm), the first request as of a year after a
 *       data change alone (it computes the triples' validity for the data version), pages as of random years for
 *       the same companies (every request a different entity and year, more variants than the page cache holds),
 *       then the current pages again: served from the cache if the year variants did not evict them. Then
 *       {@code /api/explain} for inferred triples of random entities, cold and warm.
 * </ol>
 */
public final class AsOfBench {
    private static final String ADMIN = "bench-secret";
    private static final int CLIENTS = 16;

    private final Map<String, String> opt;
    private final List<String> md = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final BenchService service = new BenchService(http, ADMIN);
    private final Path work;

    private AsOfBench(Map<String, String> opt) {
        this.opt = opt;
        this.work = Path.of(opt.getOrDefault("work", "/tmp/cikg-asof-bench"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            opt.put(a.substring(2, eq), a.substring(eq + 1));
        }
        new AsOfBench(opt).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Instant started = Instant.now();
        Files.createDirectories(work);
        md.add("# Benchmark: year views and explanations");
        md.add("");
        md.add("Written by `" + opt.getOrDefault("command", "bench/as-of.sh") + "` (`org.cikg.bench.AsOfBench`, method "
                + "in its Javadoc; `DerivationRecorder` is the recording prototype). Run of "
                + started.toString().substring(0, 16).replace('T', ' ') + " UTC on "
                + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", shared with other engineers' builds and benchmarks: load "
                + "average (1, 5, 15 min) " + loadavg() + " at the start. Read the ratios, which compare figures "
                + "of the same run; the absolute times move with the machine's load. The reading of these figures is "
                + "in [as-of.md](as-of.md), section Cost.");
        md.add("");
        if (!opt.getOrDefault("parts", "record,http").contains("record")) {
            md.add("(Derivation recording not measured in this run.)");
        } else {
            for (String file : opt.get("record-files").split(",")) {
                recordingCost(Path.of(file));
            }
        }
        if (opt.getOrDefault("parts", "record,http").contains("http")) {
            http(Path.of(opt.get("file")));
        }
        md.add("");
        md.add("Load average at the end: " + loadavg() + ". The run took "
                + Duration.between(started, Instant.now()).toSeconds() + " s.");
        Path out = Path.of(opt.getOrDefault("out", "docs/benchmarks-as-of.md"));
        Files.writeString(out, String.join("\n", md) + "\n");
        System.out.println("Wrote " + out);
    }

    // ---- part 1: recording derivations at load ---------------------------------------------------------------------

    private record Loaded(
            String variant,
            double bulkSeconds,
            double inferenceSeconds,
            long asserted,
            long inferred,
            long derivationQuads,
            long derivations,
            double storeMB) {
        double loadSeconds() {
            return bulkSeconds + inferenceSeconds;
        }
    }

    private void recordingCost(Path file) throws Exception {
        List<String> variants =
                List.of(opt.getOrDefault("variants", "update,select,record").split(","));
        int rounds = Integer.parseInt(opt.getOrDefault("rounds", "1"));
        Map<String, List<Loaded>> all = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            List<String> order = new ArrayList<>(variants);
            Collections.rotate(order, r);
            for (String v : order) {
                Loaded l = loadOnce(file, v, r);
                System.out.println(file.getFileName() + " " + l);
                all.computeIfAbsent(v, k -> new ArrayList<>()).add(l);
            }
        }
        md.add("## Recording derivations at load: " + file.getFileName());
        md.add("");
        md.add("The ontology plus `" + file.getFileName() + "` bulk-loaded into a fresh TDB2 store (parallel loader), "
                + "then materialised in one write transaction: **update** is the load's own `Materializer` (the "
                + "baseline: what the service does), **select** the prototype's engine without recording, **record** "
                + "the prototype recording one derivation per inferred triple (`cikg:Derivation`, `cikg:derivedBy`, "
                + "`cikg:conclusion`, `cikg:usedFact`) in a graph of its own. " + rounds + " round(s), the order of "
                + "the variants rotated each round; medians. The store size is `du` of the store folder after the "
                + "commit. Ratios are to **update** of the same run.");
        md.add("");
        StringBuilder head = new StringBuilder("| figure |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String v : variants) {
            head.append(' ').append(v).append(" |");
            rule.append("---:|");
            if (!v.equals("update")) {
                head.append(" ratio |");
                rule.append("---:|");
            }
        }
        md.add(head.toString());
        md.add(rule.toString());
        row(all, variants, "bulk load of the file (same step in every variant)", Loaded::bulkSeconds, "%.1f s");
        row(all, variants, "inference to a fixpoint", Loaded::inferenceSeconds, "%.1f s");
        row(all, variants, "load: bulk load + inference", Loaded::loadSeconds, "%.1f s");
        row(all, variants, "asserted triples (ontology + data)", l -> (double) l.asserted(), "%,.0f");
        row(all, variants, "inferred triples", l -> (double) l.inferred(), "%,.0f");
        row(all, variants, "derivation nodes", l -> (double) l.derivations(), "%,.0f");
        row(
                all,
                variants,
                "quads in the store (ontology, data, inferred, derivations)",
                l -> (double) (l.asserted() + l.inferred() + l.derivationQuads()),
                "%,.0f");
        row(all, variants, "store on disk", Loaded::storeMB, "%.1f MB");
        md.add("");
        md.add("Every round: "
                + all.values().stream()
                        .flatMap(List::stream)
                        .map(l -> String.format(
                                Locale.ROOT,
                                "%s %.1f s + %.1f s, %.1f MB",
                                l.variant(),
                                l.bulkSeconds(),
                                l.inferenceSeconds(),
                                l.storeMB()))
                        .reduce((a, b) -> a + "; " + b)
                        .orElse("")
                + ".");
        md.add("");
    }

    private void row(
            Map<String, List<Loaded>> all,
            List<String> variants,
            String name,
            java.util.function.ToDoubleFunction<Loaded> f,
            String fmt) {
        double base = median(all.get("update").stream().mapToDouble(f).boxed().toList());
        StringBuilder line = new StringBuilder("| " + name + " |");
        for (String v : variants) {
            double x = median(all.get(v).stream().mapToDouble(f).boxed().toList());
            line.append(' ').append(String.format(Locale.ROOT, fmt, x)).append(" |");
            if (!v.equals("update")) {
                line.append(base == 0 ? " — |" : String.format(Locale.ROOT, " %.2f× |", x / base));
            }
        }
        md.add(line.toString());
    }

    private Loaded loadOnce(Path file, String variant, int round) throws Exception {
        Path dir = work.resolve("record-" + variant + "-" + round);
        deleteTree(dir);
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        try {
            long t0 = System.nanoTime();
            Txn.executeWrite(dsg, () -> {
                for (Path f : DerivationRecorder.ontologyFiles(Path.of("ontology"))) {
                    RDFParser.source(f).parse(dsg.getGraph(Graphs.ONTOLOGY));
                }
            });
            DataLoader loader = LoaderFactory.parallelLoader(dsg, Graphs.DATA, (fmt, args) -> {});
            loader.startBulk();
            loader.load(file.toString());
            loader.finishBulk();
            double bulk = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            long[] inferred = new long[1];
            Path queries = Path.of("queries");
            Txn.executeWrite(
                    dsg,
                    () -> inferred[0] = switch (variant) {
                        case "update" ->
                            Materializer.fromFolder(queries.resolve("inference"))
                                    .run(dsg);
                        case "select" -> new DerivationRecorder(queries, false).run(dsg);
                        case "record" -> new DerivationRecorder(queries, true).run(dsg);
                        default -> throw new IllegalArgumentException("variant " + variant);
                    });
            double inference = (System.nanoTime() - t1) / 1e9;
            long[] counts = new long[3];
            Txn.executeRead(dsg, () -> {
                counts[0] = dsg.getGraph(Graphs.ONTOLOGY).size()
                        + dsg.getGraph(Graphs.DATA).size();
                counts[1] = dsg.getGraph(DerivationRecorder.DERIVATIONS).size();
                counts[2] = Iter.count(dsg.find(
                        DerivationRecorder.DERIVATIONS,
                        Node.ANY,
                        org.apache.jena.vocabulary.RDF.type.asNode(),
                        org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/cikg/ontology#Derivation")));
            });
            return new Loaded(variant, bulk, inference, counts[0], inferred[0], counts[1], counts[2], size(dir) / 1e6);
        } finally {
            TDBInternal.expel(dsg);
            deleteTree(dir);
        }
    }

    /** Counting an iterator without keeping it. */
    private static final class Iter {
        static long count(java.util.Iterator<?> it) {
            long n = 0;
            while (it.hasNext()) {
                it.next();
                n++;
            }
            return n;
        }
    }

    // ---- part 2: pages and explanations over HTTP ------------------------------------------------------------------

    private record Pass(String name, int requests, double seconds, double p50, double p95, long errors) {
        double rate() {
            return requests / seconds;
        }
    }

    private void http(Path file) throws Exception {
        Path jar = Path.of(opt.get("jar"));
        Path store = work.resolve("service-store");
        deleteTree(store);
        long t0 = System.nanoTime();
        Process load = new ProcessBuilder(
                        "java",
                        "-Xmx3g",
                        "-jar",
                        jar.toString(),
                        "load",
                        "--file",
                        file.toString(),
                        "--kg.store.location=" + store,
                        "--kg.store.backups=" + work.resolve("backups"))
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("load.log").toFile())
                .start();
        if (load.waitFor() != 0) {
            throw new IllegalStateException("load failed: " + work.resolve("load.log"));
        }
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        int port = freePort();
        int fuseki = freePort();
        int asOfCache = Integer.parseInt(opt.getOrDefault("asof-cache", "5000"));
        Process service = new ProcessBuilder(
                        "java",
                        "-Xmx" + opt.getOrDefault("service-xmx", "2g"),
                        "-jar",
                        jar.toString(),
                        "--kg.store.location=" + store,
                        "--kg.store.backups=" + work.resolve("backups"),
                        "--kg.store.load-on-start=false",
                        "--server.port=" + port,
                        "--server.address=127.0.0.1",
                        "--kg.fuseki.port=" + fuseki,
                        "--kg.admin.password=" + ADMIN,
                        "--kg.sparql.timeout=120s",
                        "--kg.pages.as-of-cache-size=" + asOfCache,
                        "--logging.level.org.apache.jena.fuseki=WARN")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("service.log").toFile())
                .start();
        try {
            String base = "http://127.0.0.1:" + port;
            String sparql = "http://127.0.0.1:" + fuseki + "/kg/sparql";
            waitUntilUp(base + "/actuator/health/readiness");
            Random random = new Random(Long.parseLong(opt.getOrDefault("seed", "19")));
            List<String> companies = select(sparql, "bench/as-of/companies.rq", null, "s");
            Collections.shuffle(companies, random);
            int n = Integer.parseInt(opt.getOrDefault("entities", "1000"));
            int asOfRequests = Integer.parseInt(opt.getOrDefault("asof-requests", "6000"));
            int explainN = Integer.parseInt(opt.getOrDefault("explain", "400"));
            List<String> warmup = slugs(companies.subList(n, Math.min(companies.size(), n + 100)));
            List<String> s = slugs(companies.subList(0, n));
            String update = "http://127.0.0.1:" + fuseki + "/kg/update";

            // JIT warm-up over other companies, then a data change that empties every cache
            pass("warm-up", base, warmup.stream().map(x -> "/page/" + x).toList());
            pass(
                    "warm-up as of",
                    base,
                    warmup.stream().map(x -> "/page/" + x + "?asOf=2015").toList());
            emptyCaches(update);

            List<String> current = s.stream().map(x -> "/page/" + x).toList();
            Pass cold = pass("current pages, cold caches", base, current);
            Pass warm = pass("current pages, warm (same pages again)", base, current);
            long f0 = System.nanoTime();
            fetch(base + "/page/" + s.get(0) + "?asOf=2018");
            double firstAsOf = (System.nanoTime() - f0) / 1e6;
            List<String> years = new ArrayList<>();
            for (int i = 0; i < asOfRequests; i++) {
                years.add("/page/" + s.get(random.nextInt(s.size())) + "?asOf=" + (1990 + random.nextInt(37)));
            }
            long distinct = years.stream().distinct().count();
            Pass asOf = pass("pages as of random years (1990–2026), cold", base, years);
            Pass after = pass("current pages again, after the as-of pass", base, current);

            // explanations: inferred triples of random entities (other companies than the pages' own)
            List<String> explain = new ArrayList<>();
            for (String e : companies.subList(Math.min(companies.size(), n + 100), companies.size())) {
                if (explain.size() >= explainN) {
                    break;
                }
                List<String[]> triples = inferred(sparql, e);
                if (!triples.isEmpty()) {
                    String[] t = triples.get(random.nextInt(triples.size()));
                    explain.add("/api/explain?s=" + enc(t[0]) + "&p=" + enc(t[1]) + "&o=" + enc(t[2]));
                }
            }
            Pass explainCold = pass("/api/explain, inferred triples of random entities, cold", base, explain);
            Pass explainWarm = pass("/api/explain, the same again (cached)", base, explain);

            md.add("## Entity pages as of a year, and explanations, over HTTP");
            md.add("");
            md.add(String.format(
                    Locale.ROOT,
                    "The service over a store bulk-loaded from `%s` (`load --file`: %.0f s), started with "
                            + "`kg.store.load-on-start=false`. %d clients, closed loop, each pass over its list once. "
                            + "Companies: %d chosen at random (seed %s) of the %,d companies and startups; before the "
                            + "passes, 100 other companies' pages (current and as of 2015) warm the JIT, then an empty "
                            + "SPARQL update moves the data version, which empties every cache. The as-of pass asks "
                            + "%,d pages (%,d distinct entity–year variants) for random years of the same companies. "
                            + "Page caches: %,d current pages and, apart, %,d pages as of a year "
                            + "(`kg.pages.as-of-cache-size`, "
                            + "the default is 5,000: lowered here so that the as-of pass overflows its cache within "
                            + "the run's time), entries kept at most 10 minutes.",
                    file.getFileName(),
                    loadSeconds,
                    CLIENTS,
                    n,
                    opt.getOrDefault("seed", "19"),
                    companies.size(),
                    asOfRequests,
                    distinct,
                    5000,
                    asOfCache));
            md.add("");
            md.add("| pass | requests | req/s | median | 95th pct | errors | ratio (req/s) |");
            md.add("|---|---:|---:|---:|---:|---:|---:|");
            passRow(cold, null, "");
            passRow(warm, cold, "to cold");
            passRow(asOf, cold, "to current cold");
            passRow(after, warm, "to warm before the as-of pass");
            passRow(explainCold, null, "");
            passRow(explainWarm, explainCold, "to cold");
            md.add("");
            md.add(String.format(
                    Locale.ROOT,
                    "The first request as of a year after the data change, alone: %.0f ms (it computes the validity "
                            + "of every triple for the data version; every later year and entity reuses it). Median "
                            + "latency of the current pages after the as-of pass over before it: **%.2f×** (1.00: "
                            + "none of them was evicted; a page rendered again would take about the cold median, "
                            + "%.0f ms).",
                    firstAsOf,
                    after.p50() / warm.p50(),
                    cold.p50()));
            md.add("");
        } finally {
            service.destroy();
            service.waitFor();
            deleteTree(store);
        }
    }

    private void passRow(Pass p, Pass base, String what) {
        md.add(String.format(
                Locale.ROOT,
                "| %s | %,d | %.1f | %.1f ms | %.1f ms | %d | %s |",
                p.name(),
                p.requests(),
                p.rate(),
                p.p50(),
                p.p95(),
                p.errors(),
                base == null ? "—" : String.format(Locale.ROOT, "%.2f× %s", p.rate() / base.rate(), what)));
    }

    private Pass pass(String name, String base, List<String> paths) throws Exception {
        ConcurrentLinkedQueue<Double> times = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            Thread t = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < paths.size(); i = next.getAndIncrement()) {
                    long s = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = http.send(
                                HttpRequest.newBuilder(URI.create(base + paths.get(i)))
                                        .header(
                                                "Accept",
                                                paths.get(i).startsWith("/api/") ? "application/json" : "text/html")
                                        .timeout(Duration.ofSeconds(120))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                            if (errors.get() <= 3) {
                                System.out.println(paths.get(i) + " answered " + r.statusCode());
                            }
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    times.add((System.nanoTime() - s) / 1e6);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<Double> all = new ArrayList<>(times);
        Pass p = new Pass(name, paths.size(), seconds, percentile(all, 50), percentile(all, 95), errors.get());
        System.out.println(p + String.format(Locale.ROOT, " %.1f req/s", p.rate()));
        return p;
    }

    private static List<String> slugs(List<String> iris) {
        return iris.stream().map(i -> i.substring(i.lastIndexOf('/') + 1)).toList();
    }

    /** The values of {@code var} in the answers of the query in {@code file}, with {@code ?entity} bound if given. */
    private static List<String> select(String endpoint, String file, String entity, String var) throws IOException {
        List<String> out = new ArrayList<>();
        for (Map<String, String> row : rows(endpoint, file, entity)) {
            out.add(row.get(var));
        }
        return out;
    }

    private static List<String[]> inferred(String endpoint, String entity) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (Map<String, String> row : rows(endpoint, "bench/as-of/inferred-of-entity.rq", entity)) {
            out.add(new String[] {entity, row.get("p"), row.get("o")});
        }
        return out;
    }

    private static List<Map<String, String>> rows(String endpoint, String file, String entity) throws IOException {
        Query q = QueryFactory.create(Files.readString(Path.of(file)));
        QueryExecHTTPBuilder b = QueryExecHTTP.service(endpoint).query(q);
        if (entity != null) {
            b.substitution("entity", org.apache.jena.graph.NodeFactory.createURI(entity));
        }
        List<Map<String, String>> out = new ArrayList<>();
        try (QueryExecHTTP qe = b.build()) {
            RowSet rs = qe.select();
            rs.forEachRemaining(binding -> {
                Map<String, String> row = new LinkedHashMap<>();
                binding.vars().forEachRemaining(v -> {
                    Node n = binding.get(v);
                    row.put(v.getVarName(), n.isURI() ? n.getURI() : n.toString());
                });
                out.add(row);
            });
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String loadavg() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return f[0] + ", " + f[1] + ", " + f[2];
    }

    /** Disk space a folder takes, as {@code du} counts it: TDB2 preallocates sparse files, so lengths overstate it. */
    private static long size(Path dir) throws IOException, InterruptedException {
        Process du = new ProcessBuilder("du", "-sk", dir.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        du.waitFor();
        return Long.parseLong(out.split("\\s+")[0]) * 1024;
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }

    private static double percentile(List<Double> xs, int p) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.isEmpty() ? Double.NaN : s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1));
    }

    private static double median(List<Double> xs) {
        return percentile(xs, 50);
    }

    private void emptyCaches(String update) throws Exception {
        service.emptyCaches(update);
    }

    private void fetch(String url) throws Exception {
        service.fetch(url, Duration.ofSeconds(600));
    }

    private void waitUntilUp(String url) throws Exception {
        service.waitUntilUp(url, 500);
    }

    private static int freePort() throws IOException {
        return BenchService.freePort();
    }
}
