package org.cikg.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.cikg.sparql.CatalogQuery;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.Terms;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A remote store receives the catalogue queries as text, so every query bound with the values of every golden case
 * must serialise to standard SPARQL 1.1 that parses again, with the values as terms and no trace of the variable.
 */
class BoundQueryTextTest {
    private static final QueryCatalog CATALOG = new QueryCatalog(Path.of("queries"));

    @Test
    void everyGoldenCaseBindsToValidSparql11() throws IOException {
        List<String> checked = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/golden"))) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                CatalogQuery q = CATALOG.get(f.getFileName().toString().replaceFirst("\\.json$", ""));
                for (JsonNode c : JsonMapper.builder()
                        .build()
                        .readTree(Files.readString(f))
                        .get("cases")) {
                    Map<String, Node> values = new HashMap<>();
                    for (CatalogQuery.Param p : q.params()) {
                        if (c.get("params").has(p.name())) {
                            values.put(
                                    p.name(),
                                    Terms.ofType(
                                            p.type(),
                                            p.name(),
                                            c.get("params").get(p.name()).asString(),
                                            1000,
                                            1000));
                        }
                    }
                    String text = BoundQuery.substituted(q.query(), values).serialize();
                    assertThatCode(() -> QueryFactory.create(text, Syntax.syntaxSPARQL_11))
                            .as(q.name() + " " + c.get("about").asString() + ":\n" + text)
                            .doesNotThrowAnyException();
                    checked.add(q.name());
                }
            }
        }
        assertThat(checked).hasSizeGreaterThan(20);
    }

    @Test
    void boundOfASubstitutedVariableBecomesTrue() {
        Query q = QueryFactory.create("SELECT ?x WHERE { ?x ?p ?o FILTER(!BOUND(?year) || ?o = ?year) }");
        String text = BoundQuery.substituted(
                        q,
                        Map.of(
                                "year",
                                org.apache.jena.graph.NodeFactory.createLiteralDT(
                                        "2020", org.apache.jena.datatypes.xsd.XSDDatatype.XSDgYear)))
                .serialize();
        assertThat(text)
                .doesNotContain("?year")
                .doesNotContainIgnoringCase("bound")
                .contains("\"2020\"");
        assertThatCode(() -> QueryFactory.create(text)).doesNotThrowAnyException();
    }
}
