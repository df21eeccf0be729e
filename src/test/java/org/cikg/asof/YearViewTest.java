package org.cikg.asof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.cikg.core.Namespaces;
import org.cikg.explain.Explainer;
import org.cikg.explain.InferenceRules;
import org.cikg.problem.BadRequestException;
import org.cikg.sparql.QueryRunner;
import org.cikg.store.version.DataVersion;
import org.cikg.support.InferredFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Validity of triples from the dates of the fixture, and catalogue queries over the year view. */
class YearViewTest {
    static InferredFixture fx;
    static ValidityOracle oracle;

    @BeforeAll
    static void load() {
        fx = new InferredFixture("explain.ttl");
        DataVersion version = new DataVersion();
        Explainer explainer =
                new Explainer(fx.runner, fx.catalog, InferenceRules.fromQueries(Path.of("queries")), version);
        oracle = new ValidityOracle(() -> fx.dataset, explainer, version);
    }

    static Node id(String slug) {
        return NodeFactory.createURI(Namespaces.KGID + slug);
    }

    static Node cikg(String local) {
        return NodeFactory.createURI(Namespaces.CIKG + local);
    }

    static Validity of(Node s, Node p, Node o) {
        return oracle.of(Triple.create(s, p, o));
    }

    @Test
    void theYearParameterAcceptsFourDigitYearsFrom1900ToNextYear() {
        assertThat(AsOf.parse("2019")).contains(new AsOf(2019));
        assertThat(AsOf.parse(" 1900 ")).contains(new AsOf(1900));
        assertThat(AsOf.parse(Integer.toString(AsOf.last()))).isPresent();
        assertThat(AsOf.parse(null)).isEmpty();
        assertThat(AsOf.parse("")).isEmpty();
        for (String bad :
                List.of("19", "abcd", "1899", Integer.toString(AsOf.last() + 1), "2019-01", "-2019", "２０１９", "20190")) {
            assertThatThrownBy(() -> AsOf.parse(bad))
                    .as(bad)
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("from 1900 to " + AsOf.last());
        }
    }

    @Test
    void anEntityLivesFromItsFoundingYear() {
        Validity deepseek = oracle.life(id("deepseek"));
        assertThat(deepseek.holdsIn(2018)).isFalse();
        assertThat(deepseek.holdsIn(2019)).isTrue();
        assertThat(deepseek.undatedIn(2019)).isFalse();
        assertThat(oracle.startYears(id("deepseek"))).containsExactly(2019, 2023);
        assertThat(oracle.life(id("hangzhou"))).isEqualTo(Validity.UNDATED);
    }

    @Test
    void aDatedClaimHoldsFromItsStartYearWithinTheLivesOfItsEnds() {
        Validity v = of(id("unitree-robotics"), cikg("benefitedFrom"), id("eagle-project"));
        assertThat(v.holdsIn(2017)).isFalse();
        assertThat(v.holdsIn(2018)).isTrue();
        assertThat(v.holdsIn(2025)).isTrue();
    }

    @Test
    void anUndatedClaimAboutUndatedPlacesHoldsAlwaysAndIsMarkedUndated() {
        Validity v = of(id("hangzhou"), cikg("locatedIn"), id("zhejiang"));
        assertThat(v.holds().isAll()).isTrue();
        assertThat(v.undatedIn(2019)).isTrue();
    }

    @Test
    void anInferredTripleHoldsWhereItsDerivationDoes() {
        // The inverse of the dated claim above.
        Validity inverse = of(id("eagle-project"), cikg("beneficiary"), id("unitree-robotics"));
        assertThat(inverse.holdsIn(2017)).isFalse();
        assertThat(inverse.holdsIn(2018)).isTrue();
        // Transitive location: from the company's founding on, dated by it.
        Validity location = of(id("unitree-robotics"), cikg("locatedIn"), id("china"));
        assertThat(location.holdsIn(2015)).isFalse();
        assertThat(location.holdsIn(2016)).isTrue();
        assertThat(location.undatedIn(2016)).isFalse();
        // The symmetric copy of a meeting dated 2012 holds in 2012 only.
        Validity met = of(id("wang-fang"), cikg("metWith"), id("li-ming"));
        assertThat(met.holds()).isEqualTo(YearSet.range(2012, 2012));
    }

    @Test
    void aPostLivesFromItsStartToItsEndYear() {
        Validity v = of(id("li-ming"), cikg("heldPosition"), id("li-ming-mayor"));
        assertThat(v.holds()).isEqualTo(YearSet.range(2010, 2014));
    }

    @Test
    void aFigureHoldsUntilTheNextFigureOfTheSameMeasure() {
        assertThat(oracle.life(id("hangzhou-gdp-2015")).holds()).isEqualTo(YearSet.range(2015, 2019));
        assertThat(oracle.life(id("hangzhou-gdp-2020")).holds()).isEqualTo(YearSet.range(2020, null));
        assertThat(oracle.life(id("hangzhou-parks"))).isEqualTo(Validity.UNDATED);
    }

    private List<String> organisationsIn(String place, Integer year) {
        QueryRunner r = year == null ? fx.runner : YearView.over(fx.dataset, fx.runner, oracle, year);
        List<String> out = new ArrayList<>();
        r.select(
                        fx.catalog.get("organisations-in-place"),
                        Map.of("place", id(place), "lang", NodeFactory.createLiteralString("en")))
                .forEach(b -> out.add(b.get("organizationLabel").getLiteralLexicalForm()));
        return out;
    }

    @Test
    void aCatalogueQueryRunsUnchangedOverTheYearView() {
        assertThat(organisationsIn("china", null)).containsExactly("DeepSeek", "Unitree Robotics");
        assertThat(organisationsIn("china", 2015)).isEmpty();
        assertThat(organisationsIn("china", 2017)).containsExactly("Unitree Robotics");
        assertThat(organisationsIn("zhejiang", 2019)).containsExactly("DeepSeek", "Unitree Robotics");
    }

    @Test
    void theViewHidesTheStatementNodesOfClaimsThatDoNotHoldYet() {
        QueryRunner y2017 = YearView.over(fx.dataset, fx.runner, oracle, 2017);
        QueryRunner y2018 = YearView.over(fx.dataset, fx.runner, oracle, 2018);
        Map<String, Node> b = Map.of("policy", id("eagle-project"), "lang", NodeFactory.createLiteralString("en"));
        assertThat(y2017.select(fx.catalog.get("policy-beneficiaries"), b).isEmpty())
                .isTrue();
        assertThat(y2018.select(fx.catalog.get("policy-beneficiaries"), b)
                        .first()
                        .get()
                        .get("organization"))
                .isEqualTo(id("unitree-robotics"));
        assertThat(Optional.of(oracle.life(NodeFactory.createURI(Namespaces.KGST + "t-6"))
                        .holds()
                        .first()
                        .getAsInt()))
                .contains(2018);
    }
}
