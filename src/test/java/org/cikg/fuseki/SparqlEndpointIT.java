package org.cikg.fuseki;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.Test;

/** The public SPARQL endpoints, over HTTP, as a client meets them. */
class SparqlEndpointIT extends ServiceITBase {

    @Test
    void selectOverSparqlJsonFindsEagleProjectAndDeepSeek() {
        HttpResponse<String> r = sparql("""
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?e ?label WHERE {
                  VALUES ?e { <https://w3id.org/cikg/id/eagle-project> <https://w3id.org/cikg/id/deepseek> }
                  ?e rdfs:label ?label FILTER(lang(?label) = "en")
                }""");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().contains("application/sparql-results+json");
        assertThat(r.body()).contains("\"Eagle Project\"").contains("\"DeepSeek\"");
    }

    @Test
    void queryEndpointAnswersGetWithCsv() {
        HttpResponse<String> r = get(
                sparqlEndpoint().replace("/sparql", "/query") + "?query="
                        + enc(
                                "SELECT ?l WHERE { <https://w3id.org/cikg/id/deepseek> <http://www.w3.org/2000/01/rdf-schema#label> ?l }"),
                "text/csv");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("l").contains("DeepSeek");
    }

    @Test
    void malformedQueryGets400WithTheParserMessage() {
        HttpResponse<String> r = sparql("SELECT * WHERE { ?s ?p }");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).containsIgnoringCase("parse error").contains("line 1");
    }

    @Test
    void updateWithoutCredentialsIsRefusedAndChangesNothing() {
        String insert = "INSERT DATA { <urn:x:intruder> <urn:x:p> \"written\" }";
        for (String path : new String[] {"/kg/update", "/kg/sparql", "/kg", "/kg/query"}) {
            HttpResponse<String> r = postForm("http://localhost:" + fuseki.port() + path, "*/*", "update", insert);
            assertThat(r.statusCode()).as(path).isIn(400, 401, 403, 404, 405);
        }
        HttpResponse<String> r =
                send(HttpRequest.newBuilder(URI.create("http://localhost:" + fuseki.port() + "/kg/data?default"))
                        .header("Content-Type", "text/turtle")
                        .PUT(HttpRequest.BodyPublishers.ofString("<urn:x:intruder> <urn:x:p> \"written\" ."))
                        .build());
        assertThat(r.statusCode()).isIn(401, 403, 404, 405);
        assertThat(sparql("ASK { <urn:x:intruder> ?p ?o }").body()).contains("false");
    }

    @Test
    void updateWithAdminCredentialsWorksOnTheUpdateEndpoint() {
        String auth = "Basic " + Base64.getEncoder().encodeToString("admin:it-secret".getBytes());
        HttpResponse<String> r =
                send(HttpRequest.newBuilder(URI.create("http://localhost:" + fuseki.port() + "/kg/update"))
                        .header("Authorization", auth)
                        .header("Content-Type", "application/sparql-update")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "INSERT DATA { GRAPH <urn:x:scratch> { <urn:x:admin-wrote> <urn:x:p> 1 } }"))
                        .build());
        assertThat(r.statusCode()).isIn(200, 204);
        assertThat(sparql("ASK { <urn:x:admin-wrote> ?p ?o }").body()).contains("true");
        send(HttpRequest.newBuilder(URI.create("http://localhost:" + fuseki.port() + "/kg/update"))
                .header("Authorization", auth)
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("DROP GRAPH <urn:x:scratch>"))
                .build());
    }

    @Test
    void serviceToARemoteEndpointIsRefused() {
        HttpResponse<String> r = sparql("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }");
        assertThat(r.statusCode()).isNotEqualTo(200);
    }

    @Test
    void corsAllowsAnyOriginForBrowserTools() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(sparqlEndpoint() + "?query=" + enc("ASK {}")))
                .header("Origin", "https://example.org")
                .header("Accept", "application/sparql-results+json")
                .GET()
                .build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).get().isIn("*", "https://example.org");
    }

    @Test
    void graphStoreReadServesTheDataGraph() {
        HttpResponse<String> r = get(
                "http://localhost:" + fuseki.port() + "/kg/get?graph=" + enc("https://w3id.org/cikg/graph/data"),
                "application/n-triples");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<https://w3id.org/cikg/id/deepseek>");
    }
}
