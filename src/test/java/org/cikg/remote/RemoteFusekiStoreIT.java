package org.cikg.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.cikg.support.StandaloneFuseki;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backend checks with {@code kg.store.mode=remote} over a standalone Fuseki server (its own JVM, its own TDB2
 * folder, no union-default-graph setting): the service loads {@code ontology/} and {@code data/} into it at start-up
 * through the Graph Store Protocol and answers everything from it. Also: what the service pushed is there for any
 * SPARQL client.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "kg.store.mode=remote",
            "kg.fuseki.port=0",
            "kg.admin.password=it-secret",
            "kg.store.location=target/it-store/unused-${random.uuid}"
        })
class RemoteFusekiStoreIT extends RemoteBackendChecks {
    static final StandaloneFuseki FUSEKI = StandaloneFuseki.startNew("fuseki-backend");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void remoteStore(DynamicPropertyRegistry registry) {
        registry.add("kg.store.query-endpoint", FUSEKI::queryEndpoint);
        registry.add("kg.store.gsp-endpoint", FUSEKI::gspEndpoint);
        registry.add("kg.store.update-endpoint", FUSEKI::updateEndpoint);
    }

    @Test
    void noEmbeddedEndpointsRunInRemoteMode() {
        assertThat(fuseki.port()).isEqualTo(-1);
    }

    @Test
    void theLoadedGraphsAreInTheRemoteStoreForAnySparqlClient() {
        String q = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g";
        HttpResponse<String> r = postForm(FUSEKI.queryEndpoint(), "application/sparql-results+json", "query", q);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        JSON.readTree(r.body())
                .get("results")
                .get("bindings")
                .forEach(b -> counts.put(
                        b.get("g").get("value").asString(),
                        b.get("n").get("value").asLong()));
        assertThat(counts)
                .containsOnlyKeys(
                        "https://w3id.org/cikg/graph/ontology",
                        "https://w3id.org/cikg/graph/data",
                        "https://w3id.org/cikg/graph/inferred",
                        "https://w3id.org/cikg/graph/meta");
        JsonNode d = health().get("components").get("store").get("details");
        assertThat(counts.get("https://w3id.org/cikg/graph/inferred"))
                .isEqualTo(d.get("inferredTriples").asLong());
        assertThat(counts.get("https://w3id.org/cikg/graph/ontology") + counts.get("https://w3id.org/cikg/graph/data"))
                .isEqualTo(d.get("assertedTriples").asLong());
    }

    @Override
    String storeQueryEndpoint() {
        return FUSEKI.queryEndpoint();
    }

    @Override
    String storeUpdateEndpoint() {
        return FUSEKI.updateEndpoint();
    }
}
