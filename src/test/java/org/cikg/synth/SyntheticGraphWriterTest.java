package org.cikg.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticGraphWriterTest {
    // The curated files are about 9,000 triples of it; the rest is synthetic (a few thousand triples, 100+ entities).
    private static final long SIZE = 13_000;

    @TempDir
    static Path tmp;

    static Graph sample;
    static SyntheticGraphWriter.Result result;

    @BeforeAll
    static void generateSample() {
        Path file = tmp.resolve("sample.nt.gz");
        result = GenerateCommand.write(file, Path.of("ontology"), Path.of("data"), SIZE, 42);
        sample = RDFDataMgr.loadGraph(file.toString());
    }

    private static Graph curated() {
        Graph g = GraphFactory.createDefaultGraph();
        for (Path dir : List.of(Path.of("ontology"), Path.of("data"))) {
            try (var files = Files.walk(dir)) {
                files.filter(p -> p.toString().endsWith(".ttl")).forEach(p -> RDFDataMgr.read(g, p.toString()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return g;
    }

    @Test
    void sameSeedAndSizeGiveTheSameBytesAndAnotherSeedDoesNot() throws Exception {
        Path a = tmp.resolve("a.nt");
        Path b = tmp.resolve("b.nt");
        Path c = tmp.resolve("c.nt");
        GenerateCommand.write(a, Path.of("ontology"), Path.of("data"), SIZE, 7);
        GenerateCommand.write(b, Path.of("ontology"), Path.of("data"), SIZE, 7);
        GenerateCommand.write(c, Path.of("ontology"), Path.of("data"), SIZE, 8);
        assertThat(Files.mismatch(a, b)).isEqualTo(-1L);
        assertThat(Files.mismatch(a, c)).isNotEqualTo(-1L);
    }

    @Test
    void reachesTheRequestedSizeAndReportsWhatItWrote() {
        assertThat(result.triples()).isBetween(SIZE, SIZE + 200);
        // N-Triples lines are unique by construction, so the parsed graph has every triple written.
        assertThat((long) sample.size()).isEqualTo(result.triples() - duplicatesInCurated());
        assertThat(result.places()).isGreaterThanOrEqualTo(1 + 2 + 4 + 12 + 36);
        assertThat(result.organisations()).isPositive();
        assertThat(result.policies()).isPositive();
        assertThat(result.indicators()).isPositive();
        assertThat(result.statements()).isPositive();
    }

    private static long duplicatesInCurated() {
        // The curated files declare some entities in several articles: the same triple written twice.
        return result.curatedTriples() - curated().size();
    }

    @Test
    void containsEveryCuratedTripleUnchanged() {
        Graph curated = curated();
        List<Triple> missing = curated.find()
                .filterDrop(t -> t.getSubject().isBlank() || t.getObject().isBlank() || sample.contains(t))
                .toList();
        assertThat(missing).isEmpty();
        assertThat(sample.contains(
                        Node.ANY,
                        RDFS.label.asNode(),
                        org.apache.jena.graph.NodeFactory.createLiteralLang("DeepSeek", "en")))
                .isTrue();
    }

    @Test
    void everySyntheticEntityHasOneEnglishLabelAndNamesInFourOtherScripts() {
        String q = """
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?s (COUNT(DISTINCT ?en) AS ?ens) (SAMPLE(?zh) AS ?z) (SAMPLE(?ru) AS ?r) (SAMPLE(?ar) AS ?a) (SAMPLE(?he) AS ?h)
                WHERE {
                  ?s rdfs:label ?any . FILTER(STRSTARTS(STR(?s), "https://w3id.org/cikg/id/"))
                  FILTER NOT EXISTS { ?s a <https://w3id.org/cikg/ontology#Position> }
                  FILTER NOT EXISTS { ?s a <https://w3id.org/cikg/ontology#Indicator> }
                  OPTIONAL { ?s rdfs:label ?en FILTER(LANG(?en) = "en") }
                  OPTIONAL { ?s rdfs:label ?zh FILTER(LANG(?zh) = "zh") }
                  OPTIONAL { ?s rdfs:label ?ru FILTER(LANG(?ru) = "ru") }
                  OPTIONAL { ?s rdfs:label ?ar FILTER(LANG(?ar) = "ar") }
                  OPTIONAL { ?s rdfs:label ?he FILTER(LANG(?he) = "he") }
                } GROUP BY ?s""";
        int[] rows = {0};
        java.util.Set<Node> curatedSubjects = curatedSubjects();
        try (QueryExecution qe = QueryExecution.create(q, ModelFactory.createModelForGraph(sample))) {
            qe.execSelect().forEachRemaining(r -> {
                if (curatedSubjects.contains(r.getResource("s").asNode())) {
                    return;
                }
                rows[0]++;
                String name = r.getResource("s").getURI();
                assertThat(r.getLiteral("ens").getLong()).as(name).isEqualTo(1);
                assertThat(r.getLiteral("z").getString()).as(name).matches(".*\\p{IsHan}.*");
                assertThat(r.getLiteral("r").getString()).as(name).matches(".*\\p{IsCyrillic}.*");
                assertThat(r.getLiteral("a").getString()).as(name).matches(".*\\p{IsArabic}.*");
                assertThat(r.getLiteral("h").getString()).as(name).matches(".*\\p{IsHebrew}.*");
            });
        }
        assertThat(rows[0]).isGreaterThan(100);
    }

    private static java.util.Set<Node> curatedSubjects() {
        java.util.Set<Node> s = new java.util.HashSet<>();
        curated().find().forEachRemaining(t -> s.add(t.getSubject()));
        return s;
    }

    /**
     * Only the synthetic part is held to the shapes here: the curated files are validated (or not) on their own
     * terms, and the few violations they carry are the curators' to fix, not the generator's.
     */
    @Test
    void syntheticPartOfTheSampleConformsToTheShapes() {
        Graph shapes = RDFDataMgr.loadGraph("ontology/shapes.ttl");
        ValidationReport report = ShaclValidator.get().validate(shapes, sample);
        java.util.Set<Node> curatedSubjects = curatedSubjects();
        assertThat(report.getEntries()).as("the validator ran over the sample").isNotNull();
        String violations = report.getEntries().stream()
                .filter(e -> e.severity() == org.apache.jena.shacl.validation.Severity.Violation)
                .filter(e -> !curatedSubjects.contains(e.focusNode()))
                .limit(20)
                .map(Object::toString)
                .collect(Collectors.joining("\n"));
        assertThat(violations).isEmpty();
    }
}
