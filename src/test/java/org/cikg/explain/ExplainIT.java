package org.cikg.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/explain} over the real data: one golden explanation per kind of rule (transitive location, inverse,
 * sub-property, sub-class), each reaching only asserted facts with sources; asserted triples answered with their
 * sources; Turtle in the derivation vocabulary; 404 and 400 as problem+json.
 */
class ExplainIT extends ServiceITBase {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String CIKG = "https://w3id.org/cikg/ontology#";

    private JsonNode explain(String s, String p, String o) {
        HttpResponse<String> r =
                get(facade("/api/explain?s=" + enc(s) + "&p=" + enc(p) + "&o=" + enc(o)), "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        return JSON.readTree(r.body());
    }

    private static List<JsonNode> leaves(JsonNode e) {
        List<JsonNode> out = new ArrayList<>();
        if (e.get("premises").isEmpty()) {
            out.add(e);
        }
        e.get("premises").forEach(p -> out.addAll(leaves(p)));
        return out;
    }

    /** Every leaf is asserted, and every asserted leaf that is a claim has a source document or editorial knowledge. */
    private static void reachesOnlyAssertedFactsWithSources(JsonNode e) {
        assertThat(leaves(e)).isNotEmpty().allSatisfy(leaf -> {
            assertThat(leaf.get("status").asString()).isEqualTo("asserted");
            assertThat(leaf.get("graph").asString()).isEqualTo("https://w3id.org/cikg/graph/data");
            if (!leaf.get("predicate").get("iri").asString().endsWith("#type")) {
                assertThat(leaf.get("sources").size())
                        .as(leaf.get("text").asString())
                        .isPositive();
                leaf.get("sources")
                        .forEach(s -> assertThat(s.get("source").asString()).isNotBlank());
            }
        });
    }

    @Test
    void transitiveLocation() {
        JsonNode e = explain("binjiang-district", "cikg:locatedIn", "zhejiang");
        assertThat(e.get("status").asString()).isEqualTo("inferred");
        assertThat(e.get("rule").get("file").asString()).isEqualTo("queries/inference/40-transitive.ru");
        assertThat(e.get("premises"))
                .extracting(p -> p.get("object").get("label").asString())
                .containsExactly("Hangzhou", "Zhejiang");
        assertThat(e.get("text").asString())
                .startsWith(
                        "Binjiang District located in Zhejiang because Binjiang " + "District located in Hangzhou (")
                .contains("and Hangzhou located in Zhejiang (article ")
                .contains("; rule: a transitive property chains");
        reachesOnlyAssertedFactsWithSources(e);
    }

    @Test
    void inverse() {
        JsonNode e = explain("eagle-project", "beneficiary", "unitree-robotics");
        assertThat(e.get("rule").get("name").asString()).isEqualTo("20-inverse");
        assertThat(e.get("premises")).singleElement().satisfies(p -> {
            assertThat(p.get("predicate").get("iri").asString()).isEqualTo(CIKG + "benefitedFrom");
            assertThat(p.get("subject").get("iri").asString()).endsWith("/unitree-robotics");
        });
        assertThat(e.get("schema"))
                .anySatisfy(f -> assertThat(f.get("relation").asString()).isEqualTo("owl:inverseOf"));
        reachesOnlyAssertedFactsWithSources(e);
    }

    @Test
    void subProperty() {
        JsonNode e = explain("kgid:deepseek", CIKG + "locatedIn", "https://w3id.org/cikg/id/hangzhou");
        assertThat(e.get("rule").get("name").asString()).isEqualTo("10-subproperty");
        assertThat(e.get("premises"))
                .singleElement()
                .satisfies(p ->
                        assertThat(p.get("predicate").get("iri").asString()).isEqualTo(CIKG + "headquarteredIn"));
        reachesOnlyAssertedFactsWithSources(e);
    }

    @Test
    void subClass() {
        JsonNode e = explain("deepseek", "a", "cikg:Organization");
        assertThat(e.get("rule").get("name").asString()).isEqualTo("50-subclass");
        assertThat(e.get("premises")).singleElement().satisfies(p -> {
            assertThat(p.get("object").get("iri").asString()).isEqualTo(CIKG + "Startup");
            assertThat(p.get("status").asString()).isEqualTo("asserted");
        });
        assertThat(e.get("schema"))
                .singleElement()
                .satisfies(f -> assertThat(f.get("relation").asString()).isEqualTo("rdfs:subClassOf+"));
        reachesOnlyAssertedFactsWithSources(e);
    }

    @Test
    void anAssertedTripleReturnsItsSources() {
        JsonNode e = explain("deepseek", "headquarteredIn", "hangzhou");
        assertThat(e.get("status").asString()).isEqualTo("asserted");
        assertThat(e.get("premises").size()).isZero();
        assertThat(e.get("sources").size()).isGreaterThanOrEqualTo(2);
        assertThat(e.get("sources")).anySatisfy(s -> {
            assertThat(s.get("identifier").asString()).startsWith("000_");
            assertThat(s.get("paragraph").asInt()).isEqualTo(6);
            assertThat(s.get("certainty").asString()).isEqualTo("stated");
            assertThat(s.get("href").asString()).startsWith("/source/000_").endsWith("#p6");
        });
    }

    @Test
    void aLiteralObjectIsGivenInNTriplesForm() {
        JsonNode e = explain("deepseek", "foundingYear", "\"2023\"^^xsd:gYear");
        assertThat(e.get("status").asString()).isEqualTo("asserted");
        assertThat(e.get("object").get("value").asString()).isEqualTo("2023");
        assertThat(e.get("sources"))
                .anySatisfy(s -> assertThat(s.get("editorial").asBoolean()).isTrue());
    }

    @Test
    void turtleByAcceptDescribesTheDerivationWithStatementNodes() {
        HttpResponse<String> r = get(facade("/api/explain?s=binjiang-district&p=locatedIn&o=zhejiang"), "text/turtle");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("text/turtle");
        Model m = ModelFactory.createDefaultModel();
        m.read(new StringReader(r.body()), null, "TTL");
        List<Resource> derivations = m.listSubjectsWithProperty(RDF.type, m.createResource(CIKG + "Derivation"))
                .toList();
        assertThat(derivations).hasSize(1);
        Resource d = derivations.get(0);
        assertThat(d.getPropertyResourceValue(m.createProperty(CIKG, "derivedBy"))
                        .getURI())
                .isEqualTo("https://w3id.org/cikg/rule/40-transitive");
        Resource conclusion = d.getPropertyResourceValue(m.createProperty(CIKG, "conclusion"));
        assertThat(conclusion.getPropertyResourceValue(RDF.subject).getURI()).endsWith("/binjiang-district");
        assertThat(m.listObjectsOfProperty(d, m.createProperty(CIKG, "usedFact"))
                        .toList())
                .anySatisfy(f -> assertThat(f.asResource().getURI()).startsWith("https://w3id.org/cikg/statement/"));
    }

    @Test
    void aTripleNotInTheGraphIs404Problem() {
        HttpResponse<String> r = get(facade("/api/explain?s=china&p=locatedIn&o=hangzhou"), "application/json");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(r.body()).contains("does not hold this triple");
    }

    @Test
    void badParametersAre400ProblemsAndOtherFormats406() {
        for (String q : List.of(
                "s=deepseek&p=locatedIn",
                "s=deep%20seek&p=locatedIn&o=china",
                "s=deepseek&p=nope:x&o=china",
                "s=deepseek&p=foundingYear&o=%222019")) {
            HttpResponse<String> r = get(facade("/api/explain?" + q), "application/json");
            assertThat(r.statusCode()).as(q).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        }
        assertThat(get(facade("/api/explain?s=deepseek&p=locatedIn&o=china"), "image/png")
                        .statusCode())
                .isEqualTo(406);
    }
}
