package org.cikg.curation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.vocabulary.RDF;
import org.cikg.core.Namespaces;
import org.cikg.store.load.ShapeValidator;

/**
 * The two curation commands, run from the project root:
 * <pre>
 * java -jar cikg.jar add-source FILE --lang xx --title "..." [--date YYYY-MM-DD] [--publisher slug-or-name]
 *                                [--sheet FILE.tsv]
 * java -jar cikg.jar accept-sheet SHEET.tsv
 * </pre>
 * {@code add-source} writes {@code data/articles/{stem}.ttl} with the article's {@code cikg:SourceDocument} node
 * (unless the data already registers that stem) and the review sheet ({@code {stem}.review.tsv} by default);
 * {@code accept-sheet} adds the accepted claims to {@code data/articles/{stem}.ttl}, after validating the data plus
 * the new triples against the shapes: on a violation it lists them and writes nothing. Both take
 * {@code --ontology}, {@code --data} and {@code --rules} folders (defaults {@code ontology}, {@code data},
 * {@code queries/inference}). Exit code 0 on success, 1 on a problem, 2 on a usage error.
 */
public final class CurationCommand {
    private final PrintStream out;
    private final PrintStream err;

    public CurationCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Entry point from {@code CikgApplication}: {@code args[0]} is the command name. */
    public static int run(String[] args) {
        return new CurationCommand(System.out, System.err).execute(args);
    }

    public int execute(String[] args) {
        Map<String, String> opts = new HashMap<>();
        String file = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                opts.put(args[i].substring(2), args[++i]);
            } else if (file == null && !args[i].startsWith("--")) {
                file = args[i];
            } else {
                return usage("unexpected argument '" + args[i] + "'");
            }
        }
        if (file == null) {
            return usage("missing the file argument");
        }
        Path ontology = Path.of(opts.getOrDefault("ontology", "ontology"));
        Path data = Path.of(opts.getOrDefault("data", "data"));
        Path rules = Path.of(opts.getOrDefault("rules", "queries/inference"));
        try {
            return switch (args[0]) {
                case "add-source" -> addSource(Path.of(file), opts, ontology, data, rules);
                case "accept-sheet" -> acceptSheet(Path.of(file), ontology, data, rules);
                default -> usage("unknown command " + args[0]);
            };
        } catch (RuntimeException e) {
            err.println(args[0] + " failed: " + e.getMessage());
            return 1;
        }
    }

    private int usage(String problem) {
        err.println(problem);
        err.println(
                "usage: add-source FILE --lang xx --title TITLE [--date YYYY-MM-DD] [--publisher P] [--sheet OUT.tsv]");
        err.println("       accept-sheet SHEET.tsv");
        return 2;
    }

    private int addSource(Path text, Map<String, String> opts, Path ontology, Path data, Path rules) {
        String lang = opts.get("lang");
        String title = opts.get("title");
        if (lang == null || !lang.matches("[a-z]{2,3}(-[A-Za-z0-9]+)*") || title == null || title.isBlank()) {
            return usage("add-source needs --lang (a language tag such as ar) and --title");
        }
        String date = opts.get("date");
        if (date != null && !date.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return usage("--date must be YYYY-MM-DD");
        }
        String fileName = text.getFileName().toString();
        String stem = fileName.endsWith(".txt") ? fileName.substring(0, fileName.length() - 4) : fileName;
        if (!stem.matches("[A-Za-z0-9_.-]+")) {
            return usage("the file name (without .txt) must be letters, digits, '_', '.' or '-'");
        }
        List<String> lines = readLines(text);
        CurationGraph graph = CurationGraph.read(ontology, data, rules);
        Path target = data.resolve("articles").resolve(stem + ".ttl");
        if (graph.isRegistered(stem)) {
            out.println("kgsrc:" + stem + " is already registered in " + data + "; writing the review sheet only");
        } else {
            Graph reg = registration(graph, stem, fileName, lines.size(), lang, title, date, opts.get("publisher"));
            ShapeValidator.Result r = graph.validateWith(reg);
            if (!r.conforms()) {
                return violations(r);
            }
            writeTurtle(target, reg);
            out.println("Registered kgsrc:" + stem + " (" + lines.size() + " lines) in " + target);
        }
        Path gazetteer = Path.of(opts.getOrDefault("gazetteer", ArticleReviewer.GAZETTEER.toString()));
        List<ReviewSheet.Row> rows = new ArticleReviewer(graph, gazetteer).review(stem, lines, lang);
        Path sheet = Path.of(opts.getOrDefault("sheet", stem + ".review.tsv"));
        ReviewSheet.write(sheet, rows);
        out.println("Review sheet " + sheet + ": " + count(rows, "entity") + " new entities, " + count(rows, "claim")
                + " claims, " + count(rows, "figure") + " figures proposed (best first), " + count(rows, "pair")
                + " cue-less pairs below the line, " + count(rows, "mention")
                + " mentions; mark rows to keep with 'yes' in the accept column, then run accept-sheet");
        return 0;
    }

    private static long count(List<ReviewSheet.Row> rows, String kind) {
        return rows.stream().filter(x -> kind.equals(x.kind())).count();
    }

    private int acceptSheet(Path sheet, Path ontology, Path data, Path rules) {
        List<ReviewSheet.Row> rows = ReviewSheet.read(sheet);
        List<String> stems = rows.stream()
                .map(ReviewSheet.Row::source)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
        if (stems.size() != 1) {
            err.println("accept-sheet: the sheet must name exactly one source (column 'source'), found " + stems);
            return 1;
        }
        String stem = stems.get(0);
        CurationGraph graph = CurationGraph.read(ontology, data, rules);
        if (!graph.isRegistered(stem)) {
            err.println("accept-sheet: kgsrc:" + stem + " is not registered; run add-source first");
            return 1;
        }
        SheetAcceptor.Accepted acc = new SheetAcceptor(graph).accept(stem, rows);
        if (!acc.problems().isEmpty()) {
            acc.problems().forEach(p -> err.println("accept-sheet: " + p));
            err.println("accept-sheet: nothing written");
            return 1;
        }
        if (acc.claims() == 0) {
            out.println("No accepted claim rows: nothing to write");
            return 0;
        }
        ShapeValidator.Result r = graph.validateWith(acc.graph());
        if (!r.conforms()) {
            return violations(r);
        }
        Path target = data.resolve("articles").resolve(stem + ".ttl");
        Graph merged = CurationGraph.newGraph();
        if (Files.exists(target)) {
            RDFDataMgr.read(merged, target.toString());
        }
        acc.graph().find().forEachRemaining(merged::add);
        writeTurtle(target, merged);
        out.println("Wrote " + acc.claims() + " claims with their statement nodes to " + target
                + "; reload the service (POST /admin/reload) to serve them");
        return 0;
    }

    private int violations(ShapeValidator.Result r) {
        err.println("SHACL validation failed with " + r.violations().size() + " violation(s); nothing written:");
        r.violations().forEach(v -> err.println("  " + v));
        return 1;
    }

    private static Graph registration(
            CurationGraph graph,
            String stem,
            String fileName,
            int lineCount,
            String lang,
            String title,
            String date,
            String publisher) {
        Graph g = CurationGraph.newGraph();
        Node src = NodeFactory.createURI(Namespaces.KGSRC + stem);
        g.add(CurationGraph.triple(src, RDF.type.asNode(), NodeFactory.createURI(Namespaces.CIKG + "SourceDocument")));
        g.add(CurationGraph.triple(src, dcterms("title"), NodeFactory.createLiteralLang(title, lang)));
        g.add(CurationGraph.triple(src, dcterms("language"), NodeFactory.createLiteralString(lang)));
        g.add(CurationGraph.triple(src, dcterms("identifier"), NodeFactory.createLiteralString(fileName)));
        g.add(CurationGraph.triple(
                src,
                NodeFactory.createURI(Namespaces.CIKG + "lineCount"),
                NodeFactory.createLiteralDT(Integer.toString(lineCount), XSDDatatype.XSDinteger)));
        if (date != null) {
            g.add(CurationGraph.triple(src, dcterms("date"), NodeFactory.createLiteralDT(date, XSDDatatype.XSDdate)));
        }
        if (publisher != null && !publisher.isBlank()) {
            String slug = publisher.startsWith("kgid:") ? publisher.substring(5) : publisher;
            String iri = Namespaces.KGID + slug;
            Node value =
                    slug.matches("[a-z0-9]+(-[a-z0-9]+)*") && graph.types(iri).contains(Namespaces.CIKG + "MediaOutlet")
                            ? NodeFactory.createURI(iri)
                            : NodeFactory.createLiteralString(publisher);
            g.add(CurationGraph.triple(src, dcterms("publisher"), value));
        }
        return g;
    }

    private static Node dcterms(String local) {
        return NodeFactory.createURI(Namespaces.DCTERMS + local);
    }

    /** The lines of a text file (UTF-8), as {@code cikg:lineCount} counts them: a final newline ends the last line. */
    static List<String> readLines(Path text) {
        try {
            return Files.readAllLines(text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeTurtle(Path target, Graph g) {
        Model m = ModelFactory.createModelForGraph(g);
        m.setNsPrefixes(Namespaces.of("cikg", "kgid", "kgsrc", "kgst", "rdf", "xsd", "prov", "dcterms"));
        try {
            Files.createDirectories(target.getParent());
            try (OutputStream os = Files.newOutputStream(target)) {
                RDFDataMgr.write(os, m, RDFFormat.TURTLE_PRETTY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
