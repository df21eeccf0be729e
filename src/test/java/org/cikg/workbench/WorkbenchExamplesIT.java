package org.cikg.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.cikg.sparql.CatalogQuery;
import org.cikg.sparql.QueryCatalog;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The workbench's examples, vocabulary and page over HTTP: the examples are the catalogue, and they run. */
class WorkbenchExamplesIT extends ServiceITBase {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    QueryCatalog catalog;

    private JsonNode examples() {
        HttpResponse<String> r = get(facade("/sparql-ui/examples.json"), "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        return JSON.readTree(r.body());
    }

    @Test
    void exampleListEqualsThePublicCatalogue() {
        List<String> names = new ArrayList<>();
        examples().forEach(e -> names.add(e.get("name").asString()));
        assertThat(names)
                .isNotEmpty()
                .containsExactlyElementsOf(
                        catalog.publicQueries().stream().map(CatalogQuery::name).toList());
        for (JsonNode e : examples()) {
            CatalogQuery q = catalog.get(e.get("name").asString());
            assertThat(e.get("title").asString()).isEqualTo(q.title());
            assertThat(e.get("description").asString()).isEqualTo(q.description());
        }
    }

    @Test
    void everyExampleParsesDeclaresTheContractPrefixesAndRunsOnTheEndpoint() {
        for (JsonNode e : examples()) {
            String text = e.get("query").asString();
            Query parsed = QueryFactory.create(text);
            assertThat(parsed.getPrefixMapping().getNsPrefixMap())
                    .as(e.get("name").asString())
                    .containsKeys(ContractPrefixes.ALL.keySet().toArray(String[]::new));
            HttpResponse<String> r = sparql(text);
            assertThat(r.statusCode())
                    .as(e.get("name").asString() + ": " + r.body())
                    .isEqualTo(200);
        }
    }

    @Test
    void policyBeneficiariesExampleBindsEaglProjectAsATermAndFindsUnitree() {
        JsonNode example = null;
        for (JsonNode e : examples()) {
            if (e.get("name").asString().equals("policy-beneficiaries")) {
                example = e;
            }
        }
        assertThat(example).as("policy-beneficiaries example").isNotNull();
        String text = example.get("query").asString();
        Query parsed = QueryFactory.create(text);
        assertThat(parsed.getQueryPattern().toString())
                .as("bound by a leading VALUES block")
                .containsPattern("VALUES \\?policy \\{\\s*<https://w3id.org/cikg/id/eagle-project>\\s*\\}");
        assertThat(example.get("params").get(0).get("value").asString()).isEqualTo("eagle-project");
        assertThat(sparql(text).body())
                .contains("https://w3id.org/cikg/id/unitree-robotics")
                .contains("\"Unitree Robotics\"");
    }

    @Test
    void vocabularyOffersContractPrefixesAndOntologyTerms() {
        HttpResponse<String> r = get(facade("/sparql-ui/vocabulary.json"), "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode v = JSON.readTree(r.body());
        assertThat(v.get("prefixes").get("kgid").asString()).isEqualTo("https://w3id.org/cikg/id/");
        List<String> terms = new ArrayList<>();
        v.get("terms")
                .forEach(t -> terms.add(
                        t.get("label").asString() + "/" + t.get("type").asString()));
        assertThat(terms)
                .contains(
                        "cikg:Startup/class",
                        "cikg:benefitedFrom/property",
                        "cikg:locatedIn/property",
                        "rdfs:label/property",
                        "prov:wasDerivedFrom/property");
    }

    @Test
    void workbenchPageIsServedWithTheEndpointAndItsOwnScripts() {
        HttpResponse<String> r = get(facade("/sparql-ui"), "text/html");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("data-endpoint=\"http://localhost:" + fuseki.port() + "/kg/sparql\"")
                .contains("/vendor/codemirror-sparql.min.js")
                .contains("/vendor/cytoscape/cytoscape.min.js")
                .doesNotContain("https://cdn")
                .doesNotContain("unpkg")
                .doesNotContain("jsdelivr");
        for (String asset : List.of(
                "/vendor/codemirror-sparql.min.js",
                "/vendor/cytoscape/cytoscape.min.js",
                "/js/workbench.js",
                "/css/workbench.css")) {
            assertThat(get(facade(asset), "*/*").statusCode()).as(asset).isEqualTo(200);
        }
    }

    @Test
    void homePageLinksToTheWorkbench() {
        assertThat(get(facade("/"), "text/html").body()).contains("href=\"/sparql-ui\"");
    }
}
