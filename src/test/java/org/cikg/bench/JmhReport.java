package org.cikg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cikg.sparql.CatalogQuery;
import org.cikg.sparql.QueryCatalog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the JSON results of a JMH run ({@code -rf json}, written by {@code bench/jmh.sh}) into the section
 * "In-process JMH, SIZE" of {@code docs/benchmarks.md}: replaced where the file has it, else appended; every other
 * section is kept. Each operation is also given as a ratio to the baseline of the same run
 * ({@code BaselineBenchmark.entityExists}), since absolute times on the shared machine move with its load.
 *
 * <pre>
 * java -cp ... org.cikg.bench.JmhReport --json jmh-1M.json --size 1M --out docs/benchmarks.md [--load-before "..."]
 * </pre>
 */
public final class JmhReport {
    static final String HEADING = "## In-process JMH, ";
    static final String BASELINE = "org.cikg.bench.jmh.BaselineBenchmark.entityExists";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One JMH result.
     *
     * @param benchmark the benchmark method's full name
     * @param params    its parameters
     * @param score     the average time per operation
     * @param error     the half-width of the 99.9 % confidence interval (NaN: too few iterations to tell)
     * @param unit      the unit of the score ({@code ms/op})
     * @param settings  forks, warm-up and measured iterations as run ({@code 1 fork, 3 × 1 s warm-up, 5 × 1 s})
     */
    record Result(
            String benchmark, Map<String, String> params, double score, double error, String unit, String settings) {
        /** The parameters as the run's size lines name them ({@code question=timeline}). */
        String key() {
            return params.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .findFirst()
                    .orElse("");
        }
    }

    /** What the benchmarks' set-up printed about each input's size ({@code BenchStore.size}), by parameter. */
    static Map<String, String> sizes(String log) {
        Map<String, String> out = new HashMap<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("size\t([^\t\n]+)\t([^\t\n]+)").matcher(log);
        while (m.find()) {
            out.put(m.group(1), m.group(2).strip());
        }
        return out;
    }

    private JmhReport() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        List<Result> results = parse(Files.readString(Path.of(opt.get("json"))));
        Map<String, String> examples = new HashMap<>();
        Path queries = Path.of(opt.getOrDefault("queries", "queries"));
        if (Files.isDirectory(queries)) {
            for (CatalogQuery q : new QueryCatalog(queries).publicQueries()) {
                examples.put(q.name(), q.example());
            }
        }
        String size = opt.getOrDefault("size", "?");
        Path log = opt.containsKey("log") ? Path.of(opt.get("log")) : null;
        Map<String, String> sizes = log != null && Files.exists(log) ? sizes(Files.readString(log)) : Map.of();
        List<String> section = new ArrayList<>(intro(opt, results));
        section.addAll(table(results, examples, sizes));
        Path out = Path.of(opt.getOrDefault("out", "docs/benchmarks.md"));
        List<String> doc = Files.exists(out) ? Files.readAllLines(out) : List.of();
        Files.write(out, replaceSection(doc, HEADING + size, section));
        System.out.println("Wrote the section '" + HEADING + size + "' of " + out);
    }

    /** The results of a JMH JSON file, in its order. */
    static List<Result> parse(String json) {
        List<Result> out = new ArrayList<>();
        for (JsonNode r : JSON.readTree(json)) {
            Map<String, String> params = new java.util.LinkedHashMap<>();
            JsonNode p = r.get("params");
            if (p != null) {
                p.properties().forEach(e -> params.put(e.getKey(), e.getValue().asString()));
            }
            JsonNode m = r.get("primaryMetric");
            String settings = r.path("forks").asInt() + " fork, "
                    + r.path("warmupIterations").asInt() + " × "
                    + r.path("warmupTime").asString() + " warm-up, "
                    + r.path("measurementIterations").asInt() + " × "
                    + r.path("measurementTime").asString() + " measured";
            out.add(new Result(
                    r.get("benchmark").asString(),
                    params,
                    number(m.get("score")),
                    number(m.get("scoreError")),
                    m.get("scoreUnit").asString(),
                    settings));
        }
        return out;
    }

    /** JMH writes a score it cannot compute as the string "NaN". */
    private static double number(JsonNode n) {
        if (n == null || n.isNull()) {
            return Double.NaN;
        }
        return n.isNumber() ? n.asDouble() : Double.parseDouble(n.asString());
    }

    /** The baseline's score in this run, if the run measured it. */
    static Optional<Result> baseline(List<Result> results) {
        return results.stream().filter(r -> r.benchmark().equals(BASELINE)).findFirst();
    }

    private static List<String> intro(Map<String, String> opt, List<Result> results) throws IOException {
        String size = opt.getOrDefault("size", "?");
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name"))
                .findFirst()
                .map(l -> l.replaceFirst(".*:\\s*", ""))
                .orElse("?");
        List<String> md = new ArrayList<>();
        md.add(HEADING + size);
        md.add("");
        md.add("Run of " + opt.getOrDefault("started", "?") + " by `"
                + opt.getOrDefault("command", "bench/jmh.sh " + size)
                + "` over the store `load --file` built from `generate --triples " + size + " --seed "
                + opt.getOrDefault("seed", "42") + "` (" + thousands(opt.getOrDefault("triples", "?"))
                + " triples with the inferred ones, in `" + opt.getOrDefault("store", "?") + "`), on " + cpu + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ". Load average (1, 5, 15 min) before the run "
                + opt.getOrDefault("load-before", "?") + ", after it " + opt.getOrDefault("load-after", "?")
                + "; other builds shared the machine.");
        md.add("");
        String settings = results.isEmpty() ? "?" : results.get(0).settings();
        md.add("JMH 1.37, the operations in the benchmark's own JVM (no HTTP, no Fuseki), per row " + settings
                + ", average time per operation, error = half the 99.9 % confidence interval (? when too few "
                + "iterations to tell). The caches are bypassed: the named questions' answers and search answers are keyed by a "
                + "data version that moves before every call, and entity pages and exports are measured below their "
                + "caches (`EntityReader` + `EntityPageAssembler`, `NeighbourhoodExtractor` + `GraphMlWriter`), so "
                + "every operation computes afresh over TDB2 (whose files the OS caches: warm file cache, cold "
                + "answers). Benchmarks: `src/jmh/java` (`mvn -Pjmh`). The last column divides by the baseline of "
                + "the same run, the `system/entity-exists` ASK for one entity.");
        md.add("");
        if (baseline(results).isEmpty()) {
            md.add("The baseline was not measured in this run: no ratios.");
            md.add("");
        }
        return md;
    }

    /** The table: one row per result, the baseline first. */
    static List<String> table(List<Result> results, Map<String, String> examples, Map<String, String> sizes) {
        double base = baseline(results).map(Result::score).orElse(Double.NaN);
        List<Result> ordered = new ArrayList<>(results);
        ordered.sort(java.util.Comparator.comparing((Result r) -> !r.benchmark().equals(BASELINE)));
        List<String> md = new ArrayList<>();
        md.add("| operation | parameters | answer | score ± error | unit | × baseline |");
        md.add("|---|---|---|---:|---|---:|");
        for (Result r : ordered) {
            md.add("| " + operation(r) + " | " + parameters(r, examples) + " | " + sizes.getOrDefault(r.key(), "")
                    + " | " + figure(r.score()) + " ± " + figure(r.error()) + " | " + r.unit() + " | "
                    + ratio(r.score(), base) + " |");
        }
        return md;
    }

    private static String operation(Result r) {
        String method = r.benchmark().substring(r.benchmark().lastIndexOf('.') + 1);
        String cls = r.benchmark().substring(0, r.benchmark().lastIndexOf('.'));
        cls = cls.substring(cls.lastIndexOf('.') + 1);
        return switch (cls + "." + method) {
            case "BaselineBenchmark.entityExists" -> "baseline: `system/entity-exists` ASK";
            case "QuestionBenchmark.answer" -> "named question `" + r.params().getOrDefault("question", "?") + "`";
            case "EntityPageBenchmark.assemble" -> "entity page assembly";
            case "SearchBenchmark.find" -> "search (first 10 results, dressed)";
            case "GraphExportBenchmark.export" -> "depth-2 export, GraphML";
            default -> "`" + cls + "." + method + "`";
        };
    }

    private static String parameters(Result r, Map<String, String> examples) {
        if (r.benchmark().equals(BASELINE)) {
            return "entity=deepseek";
        }
        if (r.params().containsKey("question")) {
            return "`" + examples.getOrDefault(r.params().get("question"), "") + "`";
        }
        List<String> parts = new ArrayList<>();
        r.params().forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }

    private static String thousands(String n) {
        return n.matches("[0-9]+") ? String.format(Locale.ROOT, "%,d", Long.parseLong(n)) : n;
    }

    static String figure(double v) {
        if (Double.isNaN(v)) {
            return "?";
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : v >= 1 ? "%.2f" : "%.3f", v);
    }

    static String ratio(double score, double base) {
        if (Double.isNaN(score) || Double.isNaN(base) || base <= 0) {
            return "?";
        }
        double r = score / base;
        return String.format(Locale.ROOT, r >= 100 ? "%,.0f" : r >= 10 ? "%.1f" : "%.2f", r);
    }

    /**
     * The document with the section under {@code heading} (up to the next level-2 heading) replaced by
     * {@code section}, or with {@code section} appended after a blank line when there is none.
     */
    static List<String> replaceSection(List<String> doc, String heading, List<String> section) {
        List<String> out = new ArrayList<>();
        int start = doc.indexOf(heading);
        if (start < 0) {
            out.addAll(doc);
            trimEnd(out);
            if (!out.isEmpty()) {
                out.add("");
            }
            out.addAll(section);
            return out;
        }
        int end = start + 1;
        while (end < doc.size() && !doc.get(end).startsWith("## ")) {
            end++;
        }
        out.addAll(doc.subList(0, start));
        out.addAll(section);
        if (end < doc.size()) {
            out.add("");
            out.addAll(doc.subList(end, doc.size()));
        }
        return out;
    }

    /** The "In-process JMH" sections of a document, in order (kept when the suite rewrites the file). */
    static List<String> jmhSections(List<String> doc) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : doc) {
            if (line.startsWith("## ")) {
                in = line.startsWith(HEADING);
                if (in && !out.isEmpty()) {
                    trimEnd(out);
                    out.add("");
                }
            }
            if (in) {
                out.add(line);
            }
        }
        trimEnd(out);
        return out;
    }

    private static void trimEnd(List<String> lines) {
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
    }
}
