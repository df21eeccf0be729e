package org.cikg.fuseki;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.query.Syntax;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.resultset.RDFInput;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.cikg.fuseki.W3cManifest.Case;
import org.cikg.fuseki.W3cManifest.GraphFile;

/**
 * Runs one W3C test through a dataset's HTTP endpoints, as a client would: {@code DROP ALL} on {@code /update},
 * the test's data through Graph Store Protocol {@code PUT}/{@code POST} on {@code /data} (admin basic auth), the
 * query as {@code application/sparql-query} to {@code /sparql} or the update to {@code /update}, then a comparison
 * by value: result sets with Jena's {@link ResultSetCompare} (blank nodes up to isomorphism, order only under
 * {@code ORDER BY}), graphs by isomorphism, and after an update every graph of the dataset (read back with a GSP
 * {@code GET} of the whole dataset) against the expected graphs.
 *
 * <p>Query and update texts get a {@code BASE} line with their file's URI prepended, so that relative IRIs resolve
 * as the suite intends (its {@code qt:graphData} graphs are named by their file URIs); this is test-harness text,
 * never request input.
 */
final class W3cCaseRunner {
    /** The outcome of one test: {@code detail} says why it failed or was skipped. */
    record Outcome(Case test, Status status, String detail) {}

    enum Status {
        PASS,
        FAIL,
        SKIP
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String dataset;
    private final String auth;

    /** {@code dataset}: e.g. {@code http://localhost:1234/conformance}. */
    W3cCaseRunner(String dataset, String user, String password) {
        this.dataset = dataset;
        this.auth =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Outcome run(Case t) {
        if (t.withdrawn()) {
            return new Outcome(t, Status.SKIP, "withdrawn by the working group");
        }
        if (t.kind() == W3cManifest.Kind.OTHER) {
            return new Outcome(t, Status.SKIP, "test type " + t.type() + " is out of scope");
        }
        try {
            return switch (t.kind()) {
                case QUERY -> query(t);
                case UPDATE -> update(t);
                case POSITIVE_QUERY_SYNTAX, NEGATIVE_QUERY_SYNTAX, POSITIVE_UPDATE_SYNTAX, NEGATIVE_UPDATE_SYNTAX ->
                    syntax(t);
                case OTHER -> throw new IllegalStateException();
            };
        } catch (IOException | RuntimeException e) {
            return new Outcome(t, Status.FAIL, e.getClass().getSimpleName() + ": " + oneLine(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Outcome query(Case t) throws IOException, InterruptedException {
        reset();
        load(t.data());
        String text = withBase(t.request());
        Query parsed = QueryFactory.create(text, Syntax.syntaxARQ);
        boolean graphResult = parsed.isConstructType() || parsed.isDescribeType();
        HttpResponse<byte[]> res = send(post("/sparql", "application/sparql-query", text)
                .header("Accept", graphResult ? "application/n-triples" : "application/sparql-results+json"));
        if (res.statusCode() != 200) {
            return fail(t, res);
        }
        String expectedFile = t.result();
        if (graphResult) {
            Graph actual = RDFParser.source(new ByteArrayInputStream(res.body()))
                    .lang(Lang.NTRIPLES)
                    .toGraph();
            Graph expected = RDFDataMgr.loadGraph(expectedFile);
            return verdict(t, actual.isIsomorphicWith(expected), "graph not isomorphic to " + file(expectedFile));
        }
        if (parsed.isAskType()) {
            boolean actual = ResultSetMgr.readBoolean(new ByteArrayInputStream(res.body()), ResultSetLang.RS_JSON);
            boolean expected = expectedBoolean(expectedFile);
            return verdict(t, actual == expected, "ASK answered " + actual);
        }
        ResultSetRewindable actual = ResultSetFactory.makeRewindable(
                ResultSetMgr.read(new ByteArrayInputStream(res.body()), ResultSetLang.RS_JSON));
        ResultSetRewindable expected = expectedResults(expectedFile);
        boolean ordered = parsed.hasOrderBy();
        if (ordered
                ? ResultSetCompare.equalsByTermAndOrder(expected, actual)
                : ResultSetCompare.equalsByTerm(expected, actual)) {
            return new Outcome(t, Status.PASS, "");
        }
        // Same values in other lexical forms (e.g. "1.0"^^xsd:decimal for "1.00"): equal by value, as Jena's own
        // runner allows.
        expected.reset();
        actual.reset();
        boolean byValue = ordered
                ? ResultSetCompare.equalsByValueAndOrder(expected, actual)
                : ResultSetCompare.equalsByValue(expected, actual);
        return byValue
                ? new Outcome(t, Status.PASS, "equal by value, not by term")
                : new Outcome(t, Status.FAIL, "results differ from " + file(expectedFile) + ": got " + rows(actual));
    }

    private Outcome update(Case t) throws IOException, InterruptedException {
        reset();
        load(t.data());
        HttpResponse<byte[]> res = send(post("/update", "application/sparql-update", withBase(t.request()))
                .header("Authorization", auth));
        if (res.statusCode() / 100 != 2) {
            return fail(t, res);
        }
        DatasetGraph actual = readBack();
        DatasetGraph expected = DatasetGraphFactory.createGeneral();
        for (GraphFile g : t.expected()) {
            RDFDataMgr.read(
                    g.name() == null
                            ? expected.getDefaultGraph()
                            : expected.getGraph(org.apache.jena.graph.NodeFactory.createURI(g.name())),
                    g.file());
        }
        String diff = difference(expected, actual);
        return verdict(t, diff == null, diff);
    }

    private Outcome syntax(Case t) throws IOException, InterruptedException {
        reset();
        boolean update = t.kind() == W3cManifest.Kind.POSITIVE_UPDATE_SYNTAX
                || t.kind() == W3cManifest.Kind.NEGATIVE_UPDATE_SYNTAX;
        boolean positive = t.kind() == W3cManifest.Kind.POSITIVE_QUERY_SYNTAX
                || t.kind() == W3cManifest.Kind.POSITIVE_UPDATE_SYNTAX;
        String text = withBase(t.request());
        HttpRequest.Builder req = update
                ? post("/update", "application/sparql-update", text).header("Authorization", auth)
                : post("/sparql", "application/sparql-query", text).header("Accept", "*/*");
        HttpResponse<byte[]> res = send(req);
        int status = res.statusCode();
        boolean ok = positive ? status / 100 == 2 : status == 400;
        return verdict(
                t,
                ok,
                "HTTP " + status + " (expected " + (positive ? "2xx" : "400") + ")"
                        + (status / 100 == 2 ? "" : ": " + oneLine(new String(res.body(), StandardCharsets.UTF_8))));
    }

    private static boolean expectedBoolean(String file) {
        Lang lang = RDFLanguages.filenameToLang(file);
        if (lang != null && RDFLanguages.isTriples(lang)) {
            Model m = RDFDataMgr.loadModel(file);
            return m.listObjectsOfProperty(
                            m.createProperty("http://www.w3.org/2001/sw/DataAccess/tests/result-set#boolean"))
                    .next()
                    .asLiteral()
                    .getBoolean();
        }
        return ResultSetMgr.readBoolean(file);
    }

    private static ResultSetRewindable expectedResults(String file) throws IOException {
        Lang lang = RDFLanguages.filenameToLang(file);
        if (lang != null && RDFLanguages.isTriples(lang)) {
            return ResultSetFactory.makeRewindable(RDFInput.fromRDF(RDFDataMgr.loadModel(file)));
        }
        try (InputStream in = Files.newInputStream(Path.of(URI.create(file)))) {
            return ResultSetFactory.makeRewindable(ResultSetMgr.read(in, RDFLanguages.filenameToLang(file)));
        }
    }

    /** The actual rows, short, for the report. */
    private static String rows(ResultSetRewindable rs) {
        rs.reset();
        java.util.List<String> out = new java.util.ArrayList<>();
        while (rs.hasNext() && out.size() < 4) {
            out.add(rs.nextBinding().toString());
        }
        return rs.size() + " rows " + out;
    }

    /** Null when every graph of {@code expected} is isomorphic to the one in {@code actual}, and no more. */
    private static String difference(DatasetGraph expected, DatasetGraph actual) {
        if (!expected.getDefaultGraph().isIsomorphicWith(actual.getDefaultGraph())) {
            return "default graph differs (" + actual.getDefaultGraph().size() + " triples, expected "
                    + expected.getDefaultGraph().size() + ")";
        }
        Set<Node> names = new HashSet<>();
        expected.listGraphNodes().forEachRemaining(names::add);
        actual.listGraphNodes().forEachRemaining(names::add);
        for (Node g : names) {
            Graph e = expected.getGraph(g);
            Graph a = actual.getGraph(g);
            if (!e.isIsomorphicWith(a)) { // an empty graph and an absent one count as the same
                return "graph <" + g.getURI() + "> differs (" + a.size() + " triples, expected " + e.size() + ")";
            }
        }
        return null;
    }

    private void reset() throws IOException, InterruptedException {
        HttpResponse<byte[]> res =
                send(post("/update", "application/sparql-update", "DROP ALL").header("Authorization", auth));
        if (res.statusCode() / 100 != 2) {
            throw new IllegalStateException("DROP ALL answered " + res.statusCode());
        }
    }

    /**
     * Graph Store Protocol: PUT the first file of each graph, POST (merge) the next ones. Each file is parsed here
     * with its own URI as base and sent as N-Triples, so relative IRIs resolve as the suite intends (the server would
     * resolve them against the endpoint URL).
     */
    private void load(List<GraphFile> files) throws IOException, InterruptedException {
        Set<String> seen = new HashSet<>();
        for (GraphFile g : files) {
            String target =
                    g.name() == null ? "default" : "graph=" + URLEncoder.encode(g.name(), StandardCharsets.UTF_8);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            RDFDataMgr.write(body, RDFDataMgr.loadGraph(g.file()), Lang.NTRIPLES);
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(dataset + "/data?" + target))
                    .header("Content-Type", "application/n-triples")
                    .header("Authorization", auth);
            boolean first = seen.add(String.valueOf(g.name()));
            req = first
                    ? req.PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    : req.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
            HttpResponse<byte[]> res = send(req);
            if (res.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        "GSP " + (first ? "PUT" : "POST") + " of " + file(g.file()) + " answered " + res.statusCode());
            }
        }
    }

    /** The whole dataset, by a Graph Store Protocol GET without a graph parameter. */
    private DatasetGraph readBack() throws IOException, InterruptedException {
        HttpResponse<byte[]> res = send(HttpRequest.newBuilder(URI.create(dataset + "/data"))
                .header("Accept", "application/n-quads")
                .header("Authorization", auth)
                .GET());
        if (res.statusCode() != 200) {
            throw new IllegalStateException("GSP GET of the dataset answered " + res.statusCode());
        }
        return RDFParser.source(new ByteArrayInputStream(res.body()))
                .lang(Lang.NQUADS)
                .toDatasetGraph();
    }

    private HttpRequest.Builder post(String endpoint, String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(dataset + endpoint))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType + "; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder req) throws IOException, InterruptedException {
        return http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String withBase(String fileUri) {
        try {
            return "BASE <" + fileUri + ">\n" + Files.readString(Path.of(URI.create(fileUri)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Outcome verdict(Case t, boolean ok, String whyNot) {
        return ok ? new Outcome(t, Status.PASS, "") : new Outcome(t, Status.FAIL, whyNot);
    }

    private static Outcome fail(Case t, HttpResponse<byte[]> res) {
        return new Outcome(
                t,
                Status.FAIL,
                "HTTP " + res.statusCode() + ": " + oneLine(new String(res.body(), StandardCharsets.UTF_8)));
    }

    private static String file(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String line = s.replaceAll("\\s+", " ").strip();
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }
}
