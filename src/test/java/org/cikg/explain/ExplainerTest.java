package org.cikg.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.cikg.core.Namespaces;
import org.cikg.store.version.DataVersion;
import org.cikg.support.InferredFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Explanations walk the real rule files backwards over a fixture, down to asserted facts with their sources. */
class ExplainerTest {
    static InferredFixture fx;
    static Explainer explainer;

    @BeforeAll
    static void load() {
        fx = new InferredFixture("explain.ttl");
        explainer =
                new Explainer(fx.runner, fx.catalog, InferenceRules.fromQueries(Path.of("queries")), new DataVersion());
    }

    static Node id(String slug) {
        return NodeFactory.createURI(Namespaces.KGID + slug);
    }

    static Node cikg(String local) {
        return NodeFactory.createURI(Namespaces.CIKG + local);
    }

    static Explanation explain(Node s, Node p, Node o) {
        Optional<Explanation> e = explainer.explain(Triple.create(s, p, o), "en");
        assertThat(e).as("explanation of %s %s %s", s, p, o).isPresent();
        return e.get();
    }

    /** Every leaf is an asserted fact of the data or the ontology; data leaves here all have statement nodes. */
    static void reachesOnlyAssertedFactsWithSources(Explanation e) {
        assertThat(e.leaves()).isNotEmpty().allSatisfy(leaf -> {
            assertThat(leaf.status()).isIn("asserted", "ontology");
            if (leaf.status().equals("asserted")) {
                assertThat(leaf.sources())
                        .as(leaf.text())
                        .isNotEmpty()
                        .allSatisfy(s -> assertThat(s.source()).isNotNull());
            }
        });
    }

    @Test
    void transitiveLocationChainsTwoSourcedFacts() {
        Explanation e = explain(id("hangzhou"), cikg("locatedIn"), id("china"));
        assertThat(e.status()).isEqualTo("inferred");
        assertThat(e.rule().name()).isEqualTo("40-transitive");
        assertThat(e.schema())
                .singleElement()
                .satisfies(f -> assertThat(f.text()).isEqualTo("located in is a owl:TransitiveProperty"));
        assertThat(e.rule().file()).isEqualTo("queries/inference/40-transitive.ru");
        assertThat(e.rule().description()).startsWith("a transitive property chains");
        assertThat(e.premises()).extracting(p -> p.object().label()).containsExactly("Zhejiang", "China");
        assertThat(e.premises().get(0).sources()).singleElement().satisfies(s -> {
            assertThat(s.paragraph()).isEqualTo(6);
            assertThat(s.certainty()).isEqualTo("stated");
            assertThat(s.href()).isEqualTo("/source/test_0001#p6");
        });
        assertThat(e.premises().get(1).sources())
                .singleElement()
                .satisfies(s -> assertThat(s.editorial()).isTrue());
        assertThat(e.certainty()).isEqualTo("stated");
        assertThat(e.text())
                .isEqualTo("Hangzhou located in China because Hangzhou located in Zhejiang (article test "
                        + "¶6, stated) and Zhejiang located in China (editorial); rule: "
                        + e.rule().description());
        reachesOnlyAssertedFactsWithSources(e);
    }

    @Test
    void subPropertyFactComesFromTheNarrowerClaim() {
        Explanation e = explain(id("unitree-robotics"), cikg("locatedIn"), id("binjiang-district"));
        assertThat(e.rule().name()).isEqualTo("10-subproperty");
        assertThat(e.premises()).singleElement().satisfies(p -> {
            assertThat(p.predicate().iri()).isEqualTo(Namespaces.CIKG + "headquarteredIn");
            assertThat(p.sources()).extracting(Explanation.Source::paragraph).containsExactly(8);
        });
        assertThat(e.schema())
                .singleElement()
                .satisfies(f -> assertThat(f.relation()).isEqualTo("rdfs:subPropertyOf+"));
        reachesOnlyAssertedFactsWithSources(e);
    }

    @Test
    void inverseFactComesFromTheClaimTheOtherWayRound() {
        Explanation e = explain(id("eagle-project"), cikg("beneficiary"), id("unitree-robotics"));
        assertThat(e.rule().name()).isEqualTo("20-inverse");
        assertThat(e.premises()).singleElement().satisfies(p -> {
            assertThat(p.predicate().iri()).isEqualTo(Namespaces.CIKG + "benefitedFrom");
            assertThat(p.sources())
                    .singleElement()
                    .satisfies(s -> assertThat(s.startYear()).isEqualTo("2018"));
        });
        assertThat(e.schema()).extracting(Explanation.SchemaFact::relation).contains("owl:inverseOf");
        reachesOnlyAssertedFactsWithSources(e);
    }

    @Test
    void symmetricFactComesFromTheClaimTheOtherWayRound() {
        Explanation e = explain(id("wang-fang"), cikg("metWith"), id("li-ming"));
        assertThat(e.rule().name()).isEqualTo("30-symmetric");
        reachesOnlyAssertedFactsWithSources(e);
    }

    @Test
    void subClassFactComesFromTheAssertedType() {
        Node type = NodeFactory.createURI(Namespaces.RDF + "type");
        Explanation e = explain(id("unitree-robotics"), type, cikg("Organization"));
        assertThat(e.rule().name()).isEqualTo("50-subclass");
        // The shortest derivation: from the asserted type Startup, not through the inferred Company.
        assertThat(e.premises()).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo("asserted");
            assertThat(p.object().iri()).isEqualTo(Namespaces.CIKG + "Startup");
            assertThat(p.graph()).isEqualTo("https://w3id.org/cikg/graph/data");
        });
        assertThat(e.schema())
                .singleElement()
                .satisfies(f -> assertThat(f.relation()).isEqualTo("rdfs:subClassOf+"));
        assertThat(e.text()).startsWith("Unitree Robotics is a Organization because Unitree Robotics is a Startup");
    }

    @Test
    void aHedgedLinkAnywhereInTheChainHedgesTheInferredFact() {
        Explanation e = explain(id("unitree-robotics"), cikg("locatedIn"), id("china"));
        assertThat(e.certainty()).isEqualTo("hedged");
        assertThat(e.text()).contains("Hedged");
        List<Explanation> hedgedLeaves =
                e.leaves().stream().filter(Explanation::hedged).toList();
        assertThat(hedgedLeaves).singleElement().satisfies(l -> {
            assertThat(l.subject().label()).isEqualTo("Binjiang District");
            assertThat(l.sources()).extracting(Explanation.Source::paragraph).containsExactly(7);
        });
        reachesOnlyAssertedFactsWithSources(e);
        // Without the hedged link the chain is stated.
        assertThat(explain(id("hangzhou"), cikg("locatedIn"), id("china")).certainty())
                .isEqualTo("stated");
    }

    @Test
    void anAssertedTripleIsExplainedByItsSources() {
        Explanation e = explain(id("hangzhou"), cikg("locatedIn"), id("zhejiang"));
        assertThat(e.status()).isEqualTo("asserted");
        assertThat(e.premises()).isEmpty();
        assertThat(e.sources()).singleElement().satisfies(s -> {
            assertThat(s.statement()).isEqualTo(Namespaces.KGST + "t-2");
            assertThat(s.identifier()).isEqualTo("test_0001.txt");
            assertThat(s.title()).isEqualTo("A made-up test article");
        });
    }

    @Test
    void labelsFollowTheLanguageWithEnglishAsFallback() {
        Explanation e = explainer
                .explain(Triple.create(id("hangzhou"), cikg("locatedIn"), id("china")), "fr")
                .orElseThrow();
        assertThat(e.subject().label()).isEqualTo("Hangzhou FR");
        assertThat(e.object().label()).isEqualTo("China");
    }

    @Test
    void aTripleNotInTheGraphHasNoExplanation() {
        assertThat(explainer.explain(Triple.create(id("china"), cikg("locatedIn"), id("hangzhou")), "en"))
                .isEmpty();
    }
}
