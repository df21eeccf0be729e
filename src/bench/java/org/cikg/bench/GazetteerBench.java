package org.cikg.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the gazetteer costs: the curated data loaded alone ({@code none}, the baseline), with the counties (the
 * default) and with the townships, each in its own store and service process, rounds alternating the order. Per
 * level: load time (the {@code load} command's own figure), store size on disk (TDB2 files), search index size and
 * build time, search latency (a fixed list of queries in every script, each asked once per pass with the caches
 * emptied between passes, over HTTP) and entity pages with 16 clients (every curated entity's page once per pass,
 * caches emptied between passes). Every figure is also given as a ratio to the baseline of the same run.
 *
 * <p>Run by {@code bench/gazetteer.sh}; writes {@code docs/benchmarks-gazetteer.md}.
 */
public final class GazetteerBench {
    private static final String ADMIN = "bench-secret";
    /** The levels measured unless {@code --levels=} names fewer ({@code none} always: it is the baseline). */
    private static final List<String> LEVELS = List.of("none", "counties", "townships");

    private static final List<String> QUERIES = List.of(
            "hang",
            "hangzhou",
            "Hangzhou",
            "杭州",
            "deepseek",
            "深度求索",
            "unitree",
            "Unitre",
            "eagle",
            "Zhejiang",
            "浙江",
            "Binjiang",
            "xihu",
            "西湖区",
            "Beijing",
            "北京",
            "Haidian",
            "Ханчжоу",
            "Китай",
            "هانغتشو",
            "الصين",
            "סין",
            "Pékin",
            "Shenzhen",
            "深圳",
            "chain leader",
            "Game Science",
            "Liang Wenfeng",
            "Guangdong",
            "Suzhou");
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final BenchService service = new BenchService(http, ADMIN);
    private final Path work;
    private final Path jar;
    private final int rounds;
    private final int passes;
    private final List<String> levels;
    private final Map<String, List<Map<String, Double>>> results = new LinkedHashMap<>();
    private final AtomicInteger pageErrors = new AtomicInteger();

    private GazetteerBench(Path work, Path jar, int rounds, int passes, List<String> levels) {
        this.levels = levels;
        this.work = work;
        this.jar = jar;
        this.rounds = rounds;
        this.passes = passes;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            opt.put(a.substring(2, eq), a.substring(eq + 1));
        }
        GazetteerBench b = new GazetteerBench(
                Path.of(opt.getOrDefault("work", "/tmp/cikg-gazetteer-bench")),
                Path.of(opt.get("jar")),
                Integer.parseInt(opt.getOrDefault("rounds", "2")),
                Integer.parseInt(opt.getOrDefault("passes", "3")),
                LEVELS.stream()
                        .filter(l -> l.equals("none")
                                || List.of(opt.getOrDefault("levels", String.join(",", LEVELS))
                                                .split(","))
                                        .contains(l))
                        .toList());
        Instant started = Instant.now();
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        for (int r = 0; r < b.rounds; r++) {
            List<String> order = new ArrayList<>(b.levels);
            Collections.rotate(order, r);
            for (String level : order) {
                b.results.computeIfAbsent(level, k -> new ArrayList<>()).add(b.measure(level, r));
                if (b.results.containsKey("none")) {
                    // written after every level, so a run stopped part-way keeps what it measured
                    b.write(Path.of(opt.getOrDefault("out", "docs/benchmarks-gazetteer.md")), started, loadBefore);
                }
            }
        }
        b.write(Path.of(opt.getOrDefault("out", "docs/benchmarks-gazetteer.md")), started, loadBefore);
    }

    private Map<String, Double> measure(String level, int round) throws Exception {
        Path store = work.resolve(level + "-" + round);
        BenchmarkSuite.deleteTree(store);
        Map<String, Double> m = new LinkedHashMap<>();
        Path loadLog = work.resolve("load-" + level + ".log");
        Process load = new ProcessBuilder(
                        "java",
                        "-Xmx4g",
                        "-jar",
                        jar.toString(),
                        "load",
                        "--kg.store.location=" + store,
                        "--kg.store.gazetteer=" + level)
                .redirectErrorStream(true)
                .redirectOutput(loadLog.toFile())
                .start();
        if (load.waitFor() != 0) {
            throw new IllegalStateException("load failed, see " + loadLog);
        }
        String out = Files.readString(loadLog);
        m.put(
                "loadSeconds",
                group(out, "Loaded \\d+ files: \\d+ asserted \\+ \\d+ inferred = \\d+ triples in (\\d+) ms") / 1000.0);
        m.put("triples", group(out, "= (\\d+) triples in"));
        m.put(
                "indexBuildSeconds",
                group(out, "Search index: \\d+ names of \\d+ typed entities, \\d+ classes, built in " + "(\\d+) ms")
                        / 1000.0);
        m.put("names", group(out, "Search index: (\\d+) names"));
        long index = size(store.resolve("search-index"));
        m.put("storeMB", (size(store) - index) / 1e6);
        m.put("indexMB", index / 1e6);

        int port = freePort();
        int fuseki = freePort();
        Process service = new ProcessBuilder(
                        "java",
                        "-Xmx2g",
                        "-jar",
                        jar.toString(),
                        "--kg.store.location=" + store,
                        "--kg.store.load-on-start=false",
                        "--kg.store.gazetteer=" + level,
                        "--server.port=" + port,
                        "--server.address=127.0.0.1",
                        "--kg.fuseki.port=" + fuseki,
                        "--kg.admin.password=" + ADMIN,
                        "--kg.sparql.timeout=60s",
                        "--logging.level.org.apache.jena.fuseki=WARN")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("service-" + level + ".log").toFile())
                .start();
        try {
            String base = "http://127.0.0.1:" + port;
            waitUntilUp(base + "/api/search?q=hang");
            List<String> slugs = curatedSlugs();
            String update = "http://127.0.0.1:" + fuseki + "/kg/update";
            List<Double> search = new ArrayList<>();
            List<Double> pages = new ArrayList<>();
            double pagesPerSecond = 0;
            // An uncounted pass first (every page, then the queries), so that no level pays the JIT's warm-up alone.
            pagePass(base, slugs, new ConcurrentLinkedQueue<>());
            for (String q : QUERIES) {
                fetch(base + "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&limit=10");
            }
            for (int pass = 0; pass < passes; pass++) {
                emptyCaches(update);
                for (String q : QUERIES) {
                    long t0 = System.nanoTime();
                    fetch(base + "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&limit=10");
                    search.add((System.nanoTime() - t0) / 1e6);
                }
                emptyCaches(update);
                ConcurrentLinkedQueue<Double> times = new ConcurrentLinkedQueue<>();
                double seconds = pagePass(base, slugs, times);
                pagesPerSecond += slugs.size() / seconds / passes;
                pages.addAll(times);
            }
            m.put("searchMedianMs", percentile(search, 50));
            m.put("searchP95Ms", percentile(search, 95));
            m.put("pagesPerSecond", pagesPerSecond);
            m.put("pageMedianMs", percentile(pages, 50));
            m.put("pageP95Ms", percentile(pages, 95));
            m.put("pageErrors", (double) pageErrors.getAndSet(0));
        } finally {
            service.destroy();
            service.waitFor();
        }
        System.out.println(level + " round " + round + ": " + m);
        BenchmarkSuite.deleteTree(store);
        return m;
    }

    /**
     * Every page of {@code slugs} once, in order, with 16 clients (each takes the next page not yet asked): every
     * request a different entity. Returns the pass's wall time in seconds.
     */
    private double pagePass(String base, List<String> slugs, ConcurrentLinkedQueue<Double> times) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < slugs.size(); i = next.getAndIncrement()) {
                    long s = System.nanoTime();
                    try {
                        fetch(base + "/page/" + slugs.get(i));
                        times.add((System.nanoTime() - s) / 1e6);
                    } catch (IOException | IllegalStateException e) {
                        // a page over the time limit or not 200: counted, and the pass goes on
                        System.out.println("page " + slugs.get(i) + ": " + e);
                        pageErrors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The curated entities (the data's own slugs, the same set at every level). */
    private static List<String> curatedSlugs() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("data/articles"))) {
            for (Path f : files.sorted().toList()) {
                Matcher m = Pattern.compile("(?m)^kgid:([a-z0-9-]+) a ").matcher(Files.readString(f));
                while (m.find()) {
                    if (!out.contains(m.group(1))) {
                        out.add(m.group(1));
                    }
                }
            }
        }
        return out;
    }

    private static double group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        double last = Double.NaN;
        while (m.find()) {
            last = Double.parseDouble(m.group(1));
        }
        return last;
    }

    /** Disk space a folder takes, as {@code du} counts it: TDB2 preallocates sparse files, so lengths overstate it. */
    private static long size(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try {
            Process du = new ProcessBuilder("du", "-sk", dir.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            du.waitFor();
            return Long.parseLong(out.split("\\s+")[0]) * 1024;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
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

    private void write(Path out, Instant started, String loadBefore) throws IOException {
        String[][] rows = {
            {"triples in the store (union)", "triples", "%,.0f"},
            {"load (`load` command: parse, inference, SHACL, TDB2 write)", "loadSeconds", "%.1f s"},
            {"store on disk (TDB2 files)", "storeMB", "%.1f MB"},
            {"names in the search index", "names", "%,.0f"},
            {"search index build", "indexBuildSeconds", "%.1f s"},
            {"search index on disk", "indexMB", "%.1f MB"},
            {
                "search over HTTP, cold caches, median (" + QUERIES.size() + " queries × " + passes + " passes)",
                "searchMedianMs",
                "%.1f ms"
            },
            {"search over HTTP, cold caches, 95th percentile", "searchP95Ms", "%.1f ms"},
            {"entity pages, 16 clients, cold caches: pages/s", "pagesPerSecond", "%.1f"},
            {"entity pages, 16 clients: median latency", "pageMedianMs", "%.1f ms"},
            {"entity pages, 16 clients: 95th percentile", "pageP95Ms", "%.1f ms"},
            {"entity pages over the 60 s limit or not 200 (all passes, warm-up included)", "pageErrors", "%.0f"},
        };
        List<String> md = new ArrayList<>();
        md.add("# Benchmark: the gazetteer");
        md.add("");
        md.add("Written by `bench/gazetteer.sh` (`org.cikg.bench.GazetteerBench`); method in its Javadoc and in "
                + "`docs/gazetteer.md`. Run of "
                + started.toString().substring(0, 16).replace('T', ' ') + " UTC: "
                + rounds + " rounds, the order of the levels rotated each round; medians over the rounds, and the "
                + "ratio to the curated data alone (`none`) of the same run. The machine is shared: load average "
                + "(1, 5, 15 min) " + loadBefore + " at the start, "
                + Files.readString(Path.of("/proc/loadavg")).trim()
                + " at the end.");
        md.add("");
        List<String> others = levels.stream()
                .filter(l -> !l.equals("none") && results.containsKey(l))
                .toList();
        md.add("| figure | none | "
                + others.stream()
                        .map(l -> l.equals("counties") ? "counties (default) | ratio" : l + " | ratio")
                        .collect(java.util.stream.Collectors.joining(" | "))
                + " |");
        md.add("|---|---:|" + "---:|---:|".repeat(others.size()));
        for (String[] row : rows) {
            double base =
                    median(results.get("none").stream().map(r -> r.get(row[1])).toList());
            StringBuilder line = new StringBuilder("| " + row[0] + " | " + String.format(Locale.ROOT, row[2], base));
            for (String level : others) {
                double v = median(
                        results.get(level).stream().map(r -> r.get(row[1])).toList());
                line.append(" | ")
                        .append(String.format(Locale.ROOT, row[2], v))
                        .append(" | ")
                        .append(base == 0 ? "—" : String.format(Locale.ROOT, "%.2f×", v / base));
            }
            md.add(line.append(" |").toString());
        }
        md.add("");
        md.add("Every round's figures:");
        md.add("");
        results.forEach((level, rs) -> rs.forEach(r -> md.add("- " + level + ": " + r)));
        md.add("");
        md.add("Run took " + Duration.between(started, Instant.now()).toSeconds() + " s.");
        Files.write(out, md);
        System.out.println("Wrote " + out);
    }

    private void emptyCaches(String update) throws Exception {
        service.emptyCaches(update);
    }

    private void fetch(String url) throws Exception {
        service.fetch(url, Duration.ofSeconds(60));
    }

    private void waitUntilUp(String url) throws Exception {
        service.waitUntilUp(url, 200);
    }

    private static int freePort() throws IOException {
        return BenchService.freePort();
    }
}
