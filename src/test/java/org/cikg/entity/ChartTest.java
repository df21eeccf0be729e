package org.cikg.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.cikg.sparql.CatalogQuery;
import org.junit.jupiter.api.Test;

class ChartTest {
    private static Node year(String y) {
        return NodeFactory.createLiteralDT(y, XSDDatatype.XSDgYear);
    }

    private static Node iri(String slug) {
        return NodeFactory.createURI("https://w3id.org/cikg/id/" + slug);
    }

    private static Map<String, Node> row(Object... kv) {
        Map<String, Node> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(
                    (String) kv[i],
                    kv[i + 1] instanceof Node n ? n : NodeFactory.createLiteralString((String) kv[i + 1]));
        }
        return m;
    }

    @Test
    void rowsWithYearsGetAColumnPerYearInOrderWithTheirCounts() {
        List<Chart> charts = Chart.of(List.of(
                row("when", year("2019"), "policy", iri("a")),
                row("when", year("2003"), "policy", iri("b")),
                row("when", year("2019"), "policy", iri("c")),
                row("policy", iri("d"))));
        assertThat(charts).singleElement().satisfies(c -> {
            assertThat(c.title()).isEqualTo("Rows by year");
            assertThat(c.bars()).extracting(Chart.Bar::label).containsExactly("2003", "2019");
            assertThat(c.bars()).extracting(Chart.Bar::valueText).containsExactly("1", "2");
            assertThat(c.bars().get(1).h()).isGreaterThan(c.bars().get(0).h());
            assertThat(c.summary()).isEqualTo("2003: 1; 2019: 2");
        });
    }

    @Test
    void figuresAreChartedPerUnitByTheEntitysLabelAndPlacesAreCounted() {
        Node amount = NodeFactory.createLiteralDT("28.5", XSDDatatype.XSDdecimal);
        Node more = NodeFactory.createLiteralDT("57", XSDDatatype.XSDdecimal);
        List<Chart> charts = Chart.of(List.of(
                row("about", iri("zhejiang"), "aboutLabel", "Zhejiang", "amount", amount, "unit", "billion yuan"),
                row("about", iri("hangzhou"), "aboutLabel", "Hangzhou", "amount", more, "unit", "billion yuan")));
        assertThat(charts.get(0).title()).isEqualTo("Figures in billion yuan");
        assertThat(charts.get(0).bars()).extracting(Chart.Bar::label).containsExactly("Zhejiang", "Hangzhou");
        assertThat(charts.get(0).bars()).extracting(Chart.Bar::valueText).containsExactly("28.5", "57");
        assertThat(charts.get(0).bars().get(1).w())
                .isGreaterThan(charts.get(0).bars().get(0).w());

        List<Chart> places = Chart.of(List.of(
                row("where", iri("a"), "whereLabel", "A"),
                row("where", iri("a"), "whereLabel", "A"),
                row("where", iri("b"), "whereLabel", "B")));
        assertThat(places).singleElement().satisfies(c -> {
            assertThat(c.title()).isEqualTo("Rows by where");
            assertThat(c.bars()).extracting(Chart.Bar::label).containsExactly("A", "B");
        });
        assertThat(Chart.of(List.of(row("organization", iri("x")))))
                .as("nothing to chart")
                .isEmpty();
    }

    @Test
    void questionsAreGroupedByWhatTheyAskAboutAndPhrasedShort() {
        CatalogQuery place = new CatalogQuery(
                "organisations-in-place",
                "Organisations in a place",
                "Which organisations are located in a place, at any depth (a company in a district is in its city).",
                List.of(new CatalogQuery.Param("place", "entity", true, "The place")),
                "",
                "",
                null);
        CatalogQuery other = new CatalogQuery(
                "new-one",
                "Something new",
                "Counts of things.",
                List.of(new CatalogQuery.Param("lang", "lang", false, "Language")),
                "",
                "",
                null);
        assertThat(QuestionGroups.groupOf(place)).isEqualTo("About a place");
        assertThat(QuestionGroups.question(place))
                .isEqualTo("Which organisations are located in a place, at any depth?");
        assertThat(QuestionGroups.of(List.of(place, other)))
                .extracting(QuestionGroups::heading)
                .containsExactly("About a place", "Other questions");
        assertThat(QuestionGroups.entityType(place.params().get(0))).isEqualTo("Place");
    }
}
