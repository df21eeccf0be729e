package org.cikg.fuseki;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.jena.fuseki.main.FusekiServer;
import org.cikg.config.KgProperties;
import org.cikg.fuseki.W3cCaseRunner.Outcome;
import org.cikg.fuseki.W3cCaseRunner.Status;
import org.cikg.fuseki.W3cManifest.Case;
import org.cikg.sparql.QueryCatalog;
import org.cikg.store.KnowledgeStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The W3C SPARQL 1.1 query- and update-evaluation tests (and the syntax tests in the same manifests) through this
 * service's HTTP stack: the server {@link FusekiEndpoints#build} configures, with {@link RequestGate}, the default
 * {@link EndpointLimits} and admin basic auth, serving both the scratch {@link ConformanceDataset} and an empty
 * {@code /kg} opened by {@link KnowledgeStore} exactly as in production (TDB2, union default graph).
 *
 * <p>Every test runs first against {@code /conformance}, which decides the outcome: a failure not listed in
 * {@code src/test/resources/w3c/expected-failures.tsv} fails the run. Then every test runs against {@code /kg}; its
 * failures are reported, not asserted (they show what the union default graph changes). The report goes to
 * {@code docs/w3c-conformance.md}.
 *
 * <p>Not part of the normal build: {@code mvn -B -Pw3c verify} (optionally {@code -Dw3c.suite=FOLDER}, default
 * {@code ../shared/w3c-rdf-tests/sparql11}). Without the suite folder the test is skipped and says so.
 */
class W3cConformance {
    private static final List<String> MANIFESTS =
            List.of("manifest-sparql11-query.ttl", "manifest-sparql11-update.ttl");

    @TempDir
    Path tmp;

    @Test
    void sparql11QueryAndUpdateTestsPassThroughTheHttpEndpointsExceptTheReviewedOnes() throws IOException {
        Path suite = Path.of(System.getProperty("w3c.suite", "../shared/w3c-rdf-tests/sparql11"));
        assumeTrue(
                Files.isDirectory(suite),
                "W3C SPARQL 1.1 suite not found at " + suite.toAbsolutePath()
                        + " (set -Dw3c.suite=FOLDER): conformance run skipped");
        Map<String, String> expectedFailures = expectedFailures();

        String password = UUID.randomUUID().toString();
        KgProperties props = new KgProperties(
                new KgProperties.Store(tmp.resolve("tdb2"), Path.of("ontology"), Path.of("data")),
                new KgProperties.Sparql(Duration.ofSeconds(10), Path.of("queries")),
                new KgProperties.Fuseki(true, 0),
                new KgProperties.Admin("admin", password));
        KnowledgeStore store = new KnowledgeStore(props, new QueryCatalog(props));
        FusekiServer server = FusekiEndpoints.build(
                        store.dataset(), props, EndpointLimits.defaults(), ConformanceDataset.create(props.sparql()))
                .start();
        Map<String, List<Outcome>> scratch = new LinkedHashMap<>();
        Map<String, List<Outcome>> kg = new LinkedHashMap<>();
        long started = System.nanoTime();
        try {
            String base = "http://localhost:" + server.getHttpPort();
            W3cCaseRunner onScratch = new W3cCaseRunner(base + ConformanceDataset.PATH, "admin", password);
            W3cCaseRunner onKg = new W3cCaseRunner(base + FusekiEndpoints.DATASET, "admin", password);
            for (String manifest : MANIFESTS) {
                List<Case> cases = W3cManifest.read(suite.resolve(manifest));
                scratch.put(manifest, cases.stream().map(onScratch::run).toList());
                kg.put(manifest, cases.stream().map(onKg::run).toList());
            }
        } finally {
            server.stop();
            store.destroy();
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        List<Outcome> unexpected = new ArrayList<>();
        List<String> nowPassing = new ArrayList<>();
        for (List<Outcome> outcomes : scratch.values()) {
            for (Outcome o : outcomes) {
                boolean listed = expectedFailures.containsKey(o.test().key());
                if (o.status() == Status.FAIL && !listed) {
                    unexpected.add(o);
                } else if (o.status() == Status.PASS && listed) {
                    nowPassing.add(o.test().key());
                }
            }
        }
        String report = new W3cReport(suite, scratch, kg, expectedFailures, unexpected, nowPassing, seconds).markdown();
        Files.writeString(Path.of("docs/w3c-conformance.md"), report, StandardCharsets.UTF_8);

        assertTrue(
                unexpected.isEmpty(),
                () -> unexpected.size() + " unexpected failures (see "
                        + "docs/w3c-conformance.md):\n"
                        + String.join(
                                "\n",
                                unexpected.stream()
                                        .map(o -> o.test().key() + "  " + o.detail())
                                        .toList()));
    }

    /** {@code key<TAB>reason} lines; {@code #} starts a comment. */
    private static Map<String, String> expectedFailures() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (var in = W3cConformance.class.getResourceAsStream("/w3c/expected-failures.tsv")) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                out.put(parts[0].strip(), parts.length > 1 ? parts[1].strip() : "");
            }
        }
        return out;
    }
}
