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
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.sparql.resultset.ResultsFormat;
import org.cikg.core.BoundQuery;
import org.cikg.core.Namespaces;

/**
 * Random-entity passes: what a crawler or a newsroom sees, as opposed to one page asked for again and again (which
 * measures the page cache). Over a service started on an existing store (and Virtuoso holding the same file), it
 * draws the graph's companies ({@code bench/random/entities.rq}), shuffles them with the seed and gives each pass its
 * own slice, so a "cold" pass asks for every entity once, none seen by an earlier pass (the service's caches have
 * never held it). A "warm" pass then asks again for the entities its cold pass reached.
 *
 * <p>Before the measured passes, {@code --seconds} of pages and describe queries over entities of their own warm the
 * JVM up (class loading, JIT, templates); they are not reported.
 *
 * <p>Closed loop: {@code --clients} threads, each taking the next entity of the pass's slice (a shared counter) until
 * the slice is used up or {@code --seconds} have passed. Every request's latency is kept, so p50, p99 and the maximum
 * are exact; non-2xx answers and I/O errors are counted as errors. The same JDK client measures our service and
 * Virtuoso, so client overhead is the same on both sides of each ratio.
 *
 * <p>Writes a Markdown section to {@code --out} (replacing the section of the same title) and prints it.
 */
public final class RandomEntityBench {
    private static final String JSON = "application/sparql-results+json";

    private final Map<String, String> opt = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final List<String> rows = new ArrayList<>();
    private final Path queries;
    private int next;

    private RandomEntityBench(String[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        queries = Path.of(opt.getOrDefault("queries", "bench/random"));
    }

    public static void main(String[] args) throws Exception {
        new RandomEntityBench(args).run();
    }

    /** One measured pass. */
    record Result(String what, String pattern, int clients, int requests, double seconds, long[] nanos, int errors) {
        double rate() {
            return requests / seconds;
        }

        double ms(double q) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            return nanos[Math.min(nanos.length - 1, (int) Math.ceil(q * nanos.length) - 1)] / 1e6;
        }
    }

    private void run() throws Exception {
        String web = opt.getOrDefault("web", "http://127.0.0.1:18080");
        String sparql = opt.getOrDefault("sparql", "http://127.0.0.1:13030/kg/sparql");
        String virtuoso = opt.get("virtuoso");
        int clients = Integer.parseInt(opt.getOrDefault("clients", "16"));
        int many = Integer.parseInt(opt.getOrDefault("many-clients", "64"));
        int seconds = Integer.parseInt(opt.getOrDefault("seconds", "10"));
        List<Node> all = entities(sparql);
        Collections.shuffle(all, new Random(Long.parseLong(opt.getOrDefault("seed", "7"))));
        int slice = Integer.parseInt(opt.getOrDefault("slice", "20000"));
        System.out.printf("%,d companies; slices of up to %,d%n", all.size(), slice);
        IntFunction<List<Node>> take = n -> {
            List<Node> s = all.subList(Math.min(next, all.size()), Math.min(next + n, all.size()));
            next += n;
            return s.isEmpty() ? all.subList(0, Math.min(n, all.size())) : s;
        };
        Query describe = read("describe.rq");
        Query probe = read("probe.rq");
        Query labelOf = read("entity-label.rq");
        Query lookup = read("label.rq");

        // JVM warm-up (class loading, JIT, template parsing) on entities of their own, not reported: a cold pass
        // measures empty caches of a running service, not its first seconds.
        List<Node> warmUp = take.apply(Math.min(slice, 2000));
        pass("warm-up", "", clients, seconds, warmUp, e -> get(web + "/page/" + slug(e)));
        pass("warm-up", "", clients, seconds, warmUp, e -> sparqlGet(sparql, describe, Map.of("entity", e)));
        results.clear();
        // The baseline row first, while the machine is as quiet as it will be: Virtuoso's describe.
        List<Node> sparqlSlice = take.apply(slice);
        Result virtDescribe = null;
        List<String> groups = Arrays.asList(opt.getOrDefault("passes", "pages,documents,exports,questions,sparql")
                .split(","));
        if (virtuoso != null) {
            virtDescribe = pass(
                    "Virtuoso: describe query (baseline)",
                    "random entities, each once",
                    clients,
                    seconds,
                    sparqlSlice,
                    e -> sparqlGet(virtuoso, describe, Map.of("entity", e)));
        }
        if (groups.contains("sparql")) {
            pass(
                    "ours: describe query through `/kg/sparql`",
                    "random entities, each once",
                    clients,
                    seconds,
                    sparqlSlice,
                    e -> sparqlGet(sparql, describe, Map.of("entity", e)));
        }
        List<Node> pages = take.apply(slice);
        if (groups.contains("pages")) {
            Result cold = pass(
                    "entity page `/page/{slug}`",
                    "random entities, each once, caches empty (cold)",
                    clients,
                    seconds,
                    pages,
                    e -> get(web + "/page/" + slug(e)));
            pass(
                    "entity page `/page/{slug}`",
                    "the same entities again (warm)",
                    clients,
                    seconds,
                    pages.subList(0, cold.requests()),
                    e -> get(web + "/page/" + slug(e)));
            pass(
                    "entity page `/page/{slug}`",
                    "one entity repeated (the figure the suite's table quotes)",
                    clients,
                    seconds,
                    Collections.nCopies(1_000_000, pages.get(0)),
                    e -> get(web + "/page/" + slug(e)));
            pass(
                    "entity page `/page/{slug}`",
                    "random entities, each once, caches empty (cold)",
                    many,
                    seconds,
                    take.apply(slice),
                    e -> get(web + "/page/" + slug(e)));
            coldWarm(
                    "RDF document `/data/{slug}.ttl`",
                    clients,
                    seconds,
                    take.apply(slice),
                    e -> get(web + "/data/" + slug(e) + ".ttl"));
        }
        if (groups.contains("exports")) {
            coldWarm(
                    "depth-2 export `/api/graph?focus={slug}&depth=2`",
                    clients,
                    seconds,
                    take.apply(slice),
                    e -> get(web + "/api/graph?focus=" + slug(e) + "&depth=2"));
        }
        if (groups.contains("questions")) {
            coldWarm(
                    "named question `company-profile` (random company)",
                    clients,
                    seconds,
                    take.apply(slice),
                    e -> get(web + "/api/queries/company-profile?company=" + slug(e)));
            coldWarm(
                    "named question `timeline` (random entity)",
                    clients,
                    seconds,
                    take.apply(slice),
                    e -> get(web + "/api/queries/timeline?entity=" + slug(e)));
        }
        if (!groups.contains("sparql")) {
            write(virtDescribe);
            return;
        }

        // Per-request overhead (ASK of one known triple) and label lookups, both stores, random entities.
        List<Node> probes = take.apply(Math.min(slice, 4000));
        List<Node[]> labelled = new ArrayList<>();
        for (Node e : probes) {
            labelOf(sparql, labelOf, e).ifPresent(l -> labelled.add(new Node[] {e, l}));
        }
        if (virtuoso != null) {
            pass(
                    "Virtuoso: ASK of one known triple",
                    "random entities",
                    clients,
                    seconds,
                    labelled,
                    x -> sparqlGet(virtuoso, probe, Map.of("entity", x[0], "label", x[1])));
        }
        pass(
                "ours: ASK of one known triple through `/kg/sparql`",
                "random entities",
                clients,
                seconds,
                labelled,
                x -> sparqlGet(sparql, probe, Map.of("entity", x[0], "label", x[1])));
        if (virtuoso != null) {
            pass(
                    "Virtuoso: label lookup",
                    "random labels",
                    clients,
                    seconds,
                    labelled,
                    x -> sparqlGet(virtuoso, lookup, Map.of("label", x[1])));
        }
        pass(
                "ours: label lookup through `/kg/sparql`",
                "random labels",
                clients,
                seconds,
                labelled,
                x -> sparqlGet(sparql, lookup, Map.of("label", x[1])));
        write(virtDescribe);
    }

    private void coldWarm(String what, int clients, int seconds, List<Node> slice, Call<Node> call) throws Exception {
        Result cold = pass(what, "random entities, each once, caches empty (cold)", clients, seconds, slice, call);
        pass(what, "the same entities again (warm)", clients, seconds, slice.subList(0, cold.requests()), call);
    }

    /** What one request does; returns the HTTP status. */
    interface Call<T> {
        int send(T item) throws Exception;
    }

    private <T> Result pass(String what, String pattern, int clients, int seconds, List<T> items, Call<T> call)
            throws InterruptedException {
        AtomicInteger index = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ConcurrentLinkedQueue<long[]> lat = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong done = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread th = new Thread(() -> {
                List<Long> mine = new ArrayList<>();
                int i;
                while (System.nanoTime() < deadline && (i = index.getAndIncrement()) < items.size()) {
                    long s = System.nanoTime();
                    try {
                        int status = call.send(items.get(i));
                        if (status < 200 || status > 299) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    mine.add(System.nanoTime() - s);
                }
                lat.add(mine.stream().mapToLong(Long::longValue).toArray());
                done.set(System.nanoTime());
            });
            th.start();
            threads.add(th);
        }
        for (Thread t : threads) {
            t.join();
        }
        double s = (done.get() - t0) / 1e9;
        long[] all = lat.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        Result r = new Result(what, pattern, clients, all.length, s, all, errors.get());
        results.add(r);
        System.out.printf(
                Locale.ROOT,
                "%s | %s | %d clients | %,d requests | %.0f/s | p50 %.1f ms | p99 %.1f ms | max %.0f ms | %d errors%n",
                what,
                pattern,
                clients,
                r.requests(),
                r.rate(),
                r.ms(0.5),
                r.ms(0.99),
                r.ms(1.0),
                r.errors());
        return r;
    }

    private final List<Result> results = new ArrayList<>();

    private int get(String url) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        return drain(http.send(req, HttpResponse.BodyHandlers.ofInputStream()));
    }

    private int sparqlGet(String endpoint, Query q, Map<String, Node> bindings)
            throws IOException, InterruptedException {
        String text = BoundQuery.text(q, bindings);
        HttpRequest req = HttpRequest.newBuilder(
                        URI.create(endpoint + "?query=" + URLEncoder.encode(text, StandardCharsets.UTF_8)))
                .header("Accept", JSON)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        return drain(http.send(req, HttpResponse.BodyHandlers.ofInputStream()));
    }

    private static int drain(HttpResponse<InputStream> r) throws IOException {
        try (InputStream in = r.body()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return r.statusCode();
    }

    private Query read(String name) throws IOException {
        return QueryFactory.create(Files.readString(queries.resolve(name)));
    }

    private ResultSet select(String endpoint, Query q, Map<String, Node> bindings)
            throws IOException, InterruptedException {
        String text = BoundQuery.text(q, bindings);
        HttpRequest req = HttpRequest.newBuilder(
                        URI.create(endpoint + "?query=" + URLEncoder.encode(text, StandardCharsets.UTF_8)))
                .header("Accept", JSON)
                .timeout(Duration.ofSeconds(120))
                .GET()
                .build();
        HttpResponse<InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            throw new IOException(endpoint + " answered " + r.statusCode());
        }
        return ResultSetFactory.copyResults(ResultSetFactory.load(r.body(), ResultsFormat.FMT_RS_JSON));
    }

    private List<Node> entities(String sparql) throws Exception {
        List<Node> out = new ArrayList<>();
        select(sparql, read("entities.rq"), Map.of())
                .forEachRemaining(s -> out.add(s.get("entity").asNode()));
        return out;
    }

    private java.util.Optional<Node> labelOf(String sparql, Query q, Node e) throws Exception {
        ResultSet rs = select(sparql, q, Map.of("entity", e));
        return rs.hasNext() ? java.util.Optional.of(rs.next().get("label").asNode()) : java.util.Optional.empty();
    }

    private static String slug(Node e) {
        return e.getURI().substring(Namespaces.KGID.length());
    }

    private void write(Result baseline) throws IOException {
        String title = "## Random entities, " + opt.getOrDefault("size", "?");
        List<String> md = new ArrayList<>();
        md.add(title);
        md.add("");
        md.add("Written by `" + opt.getOrDefault("command", "bench/random-entities.sh") + "` on " + Instant.now()
                + " (load average at the start: " + opt.getOrDefault("loadavg", "?") + "). Closed-loop clients, "
                + "each request one entity drawn at random from the graph's companies (seed "
                + opt.getOrDefault("seed", "7") + "); every cold pass has its own entities, none asked for before. "
                + "Ratios are to the baseline row: Virtuoso answering the describe query for random entities at the "
                + "same concurrency, in the same run.");
        md.add("");
        md.add("| what | access pattern | clients | requests | per second | p50 ms | p99 ms | max ms | errors | "
                + "÷ Virtuoso describe |");
        md.add("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Result r : results) {
            md.add(String.format(
                    Locale.ROOT,
                    "| %s | %s | %d | %,d | %,.0f | %.1f | %.1f | %,.0f | %d | %s |",
                    r.what(),
                    r.pattern(),
                    r.clients(),
                    r.requests(),
                    r.rate(),
                    r.ms(0.5),
                    r.ms(0.99),
                    r.ms(1.0),
                    r.errors(),
                    baseline == null ? "—" : String.format(Locale.ROOT, "%.2f ×", r.rate() / baseline.rate())));
        }
        md.add("");
        String section = String.join("\n", md);
        System.out.println(section);
        String outFile = opt.get("out");
        if (outFile != null) {
            Path out = Path.of(outFile);
            String doc = Files.exists(out) ? Files.readString(out) : "";
            int at = doc.indexOf(title + "\n");
            if (at >= 0) {
                int end = doc.indexOf("\n## ", at + title.length());
                doc = doc.substring(0, at) + section + (end < 0 ? "" : "\n" + doc.substring(end + 1));
            } else {
                doc = doc + (doc.endsWith("\n") || doc.isEmpty() ? "" : "\n") + "\n" + section;
            }
            Files.writeString(out, doc);
        }
    }
}
