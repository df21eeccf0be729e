package org.cikg.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.cikg.query.GoldenQueriesIT;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checks every store backend must pass, over HTTP as a client meets the service: entity pages and RDF documents,
 * search, every catalogue query's golden answers ({@code src/test/resources/golden/}, as {@link GoldenQueriesIT}
 * runs them), graph exports and health. One subclass per backend: {@link EmbeddedStoreIT} (TDB2 in the service's
 * JVM) and {@link RemoteFusekiStoreIT} (a standalone Fuseki server, loaded by the service through the Graph Store
 * Protocol).
 */
abstract class StoreBackendChecks extends ServiceITBase {
    static final String KGID = "https://w3id.org/cikg/id/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void entityPageShowsNamesAssertedAndInferredFactsWithSources() {
        HttpResponse<String> r = get(facade("/page/unitree-robotics"), "text/html");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body())
                .contains("<h1 lang=\"en\" dir=\"auto\">Unitree Robotics</h1>")
                .contains("href=\"/page/eagle-project\"")
                .contains("badge hedged")
                .contains("badge inferred")
                .containsPattern("href=\"/source/000_0363365239e414fe#p\\d+\"");
    }

    @Test
    void entityRdfDocumentParsesAndCarriesItsLabels() {
        HttpResponse<String> r = get(facade("/data/deepseek.ttl"), "text/turtle");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(g);
        assertThat(g.contains(
                        NodeFactory.createURI(KGID + "deepseek"),
                        RDFS.label.asNode(),
                        NodeFactory.createLiteralLang("深度求索", "zh")))
                .isTrue();
    }

    @Test
    void unknownEntityIs404() {
        assertThat(get(facade("/page/no-such-entity-here"), "text/html").statusCode())
                .isEqualTo(404);
    }

    @Test
    void searchFindsEntitiesByNamesInAnyLanguage() {
        assertThat(firstSearchHit("q=unitree").get("iri").asString()).isEqualTo(KGID + "unitree-robotics");
        JsonNode hit = firstSearchHit("q=" + enc("深度求索"));
        assertThat(hit.get("iri").asString()).isEqualTo(KGID + "deepseek");
        assertThat(hit.get("matchedLang").asString()).isEqualTo("zh");
    }

    /**
     * Whether the backend reads the graph as of a year: the year view is a filter TDB2 applies while it scans, so
     * only the embedded store has it; a remote store answers such a request with 409.
     */
    protected boolean readsAsOfAYear() {
        return true;
    }

    @ParameterizedTest
    @MethodSource("org.cikg.query.GoldenQueriesIT#cases")
    void everyCatalogueQueryGivesTheGoldenAnswers(String name, JsonNode c) {
        if (c.get("params").has("asOf") && !readsAsOfAYear()) {
            java.util.StringJoiner qs = new java.util.StringJoiner("&");
            c.get("params")
                    .properties()
                    .forEach(
                            e -> qs.add(enc(e.getKey()) + "=" + enc(e.getValue().asString())));
            HttpResponse<String> r = get(facade("/api/queries/" + name + "?" + qs), "application/json");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
            assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
            return;
        }
        GoldenQueriesIT.assertCase(this::facade, name, c);
    }

    @Test
    void neighbourhoodExportIsGraphMlWithTheFocusAndItsNeighbours() throws Exception {
        HttpResponse<String> r =
                get(facade("/api/graph?focus=deepseek&depth=1&format=graphml"), "application/graphml+xml");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc =
                f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
        NodeList nodes = doc.getElementsByTagNameNS("http://graphml.graphdrawing.org/xmlns", "node");
        boolean focus = false;
        for (int i = 0; i < nodes.getLength(); i++) {
            focus |= (KGID + "deepseek").equals(((org.w3c.dom.Element) nodes.item(i)).getAttribute("id"));
        }
        assertThat(focus).isTrue();
        assertThat(nodes.getLength()).isGreaterThan(1);
        assertThat(doc.getElementsByTagNameNS("http://graphml.graphdrawing.org/xmlns", "edge")
                        .getLength())
                .isPositive();
    }

    @Test
    void constructExportReturnsTheMatchedTriplesAsTurtle() {
        String construct = "PREFIX cikg: <https://w3id.org/cikg/ontology#> "
                + "CONSTRUCT { ?c cikg:benefitedFrom ?p } WHERE { ?c cikg:benefitedFrom ?p }";
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(facade("/api/graph")))
                .header("Content-Type", "application/sparql-query")
                .header("Accept", "text/turtle")
                .POST(HttpRequest.BodyPublishers.ofString(construct))
                .build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(g);
        assertThat(g.contains(
                        NodeFactory.createURI(KGID + "unitree-robotics"),
                        NodeFactory.createURI("https://w3id.org/cikg/ontology#benefitedFrom"),
                        NodeFactory.createURI(KGID + "eagle-project")))
                .isTrue();
    }

    @Test
    void healthIsUpWithTheMetaGraphsCounts() {
        JsonNode store = health().get("components").get("store");
        assertThat(store.get("status").asString()).isEqualTo("UP");
        JsonNode d = store.get("details");
        assertThat(d.get("dataHash").asString()).hasSize(64);
        assertThat(d.get("inferredTriples").asLong()).isPositive();
        assertThat(d.get("triples").asLong())
                .isGreaterThan(d.get("inferredTriples").asLong());
    }

    JsonNode health() {
        return JSON.readTree(get(facade("/actuator/health"), "application/json").body());
    }

    private JsonNode firstSearchHit(String query) {
        HttpResponse<String> r = get(facade("/api/search?" + query), "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode results = JSON.readTree(r.body()).get("results");
        assertThat(results.size()).as(query).isPositive();
        return results.get(0);
    }
}
