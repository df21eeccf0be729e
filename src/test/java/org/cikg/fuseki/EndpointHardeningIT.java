package org.cikg.fuseki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.cikg.support.LocalListener;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.Test;

/**
 * What a hostile or careless client meets on the SPARQL endpoints: size and nesting limits, content negotiation,
 * CORS without credentials, admin paths under every spelling, and no outbound access (a local listener counts the
 * connections the service makes: always 0).
 */
class EndpointHardeningIT extends ServiceITBase {
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:it-secret".getBytes());

    private String fusekiUrl(String path) {
        return "http://localhost:" + fuseki.port() + path;
    }

    private HttpResponse<String> postBody(String path, String contentType, String body, boolean admin) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fusekiUrl(path)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (admin) {
            b.header("Authorization", ADMIN);
        }
        return send(b.build());
    }

    private HttpResponse<String> put(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(fusekiUrl(path)))
                .header("Content-Type", contentType)
                .header("Authorization", ADMIN)
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private boolean ask(String query) {
        HttpResponse<String> r = sparql(query);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body().contains("true");
    }

    private static String bigQuery(int bytes) {
        return "SELECT * WHERE { ?s ?p ?o } # " + "x".repeat(bytes);
    }

    @Test
    void queryBodyOverTheLimitGets413BeforeParsing() {
        HttpResponse<String> form = sparql(bigQuery(70 * 1024));
        assertThat(form.statusCode()).isEqualTo(413);
        assertThat(form.headers().firstValue("Content-Type")).get().asString().contains("problem+json");
        HttpResponse<String> direct = postBody("/kg/sparql", "application/sparql-query", bigQuery(70 * 1024), false);
        assertThat(direct.statusCode()).isEqualTo(413);
    }

    @Test
    void streamedBodyWithoutContentLengthIsCountedAndGets413() {
        byte[] body = ("query=" + enc(bigQuery(200 * 1024))).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(sparqlEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());
        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void streamedQueryUnderTheLimitStillAnswers() {
        byte[] body =
                ("query=" + enc("ASK { <https://w3id.org/cikg/id/deepseek> ?p ?o }")).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(sparqlEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("true");
    }

    @Test
    void overlongQueryStringIsRefusedNot200() {
        HttpResponse<String> r = get(sparqlEndpoint() + "?query=" + enc(bigQuery(70 * 1024)), "*/*");
        assertThat(r.statusCode()).isIn(413, 414, 431);
    }

    @Test
    void deeplyNestedQueryGets400() {
        int depth = 5000;
        HttpResponse<String> groups = sparql("SELECT * WHERE " + "{".repeat(depth) + "}".repeat(depth));
        assertThat(groups.statusCode()).isEqualTo(400);
        assertThat(groups.body()).contains("nested");
        HttpResponse<String> parens =
                sparql("SELECT * WHERE { FILTER(" + "(".repeat(depth) + "1" + ")".repeat(depth) + ") }");
        assertThat(parens.statusCode()).isEqualTo(400);
        HttpResponse<String> nots = sparql("ASK { FILTER(" + "!".repeat(20000) + "true) }");
        assertThat(nots.statusCode()).as(nots.body()).isEqualTo(400);
    }

    @Test
    void bracketsInsideStringsAndIrisDoNotCountAsNesting() {
        HttpResponse<String> r =
                sparql("ASK { FILTER(\"" + "{".repeat(200) + "\" != '" + "(".repeat(200) + "') } # " + "[".repeat(200));
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void errorMessagesEchoingNonAsciiTextStay400() {
        // Fuseki 5.6.0 declares an error message's length in characters; RequestGate drops it for error responses.
        HttpResponse<String> r = sparql("SELECT * WHERE { ?s ?p ?o FILTER(regex(str(?o), \"\u4e2d[\")) } LIMIT 1");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\u4e2d[");
        HttpResponse<String> g =
                get(sparqlEndpoint() + "?query=" + enc("ASK {}") + "&output=" + enc("\u202Eevil"), "*/*");
        assertThat(g.statusCode()).isBetween(200, 499);
    }

    @Test
    void unservableAcceptGets406() {
        HttpResponse<String> r =
                get(sparqlEndpoint() + "?query=" + enc("SELECT * WHERE { ?s ?p ?o } LIMIT 1"), "image/png");
        assertThat(r.statusCode()).isEqualTo(406);
        HttpResponse<String> ok = get(
                sparqlEndpoint() + "?query=" + enc("SELECT * WHERE { ?s ?p ?o } LIMIT 1"),
                "image/png, application/sparql-results+json;q=0.5");
        assertThat(ok.statusCode()).isEqualTo(200);
    }

    @Test
    void corsAllowsReadingFromAnyOriginWithoutCredentials() {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(sparqlEndpoint()))
                .header("Origin", "https://tool.example")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .get()
                .isIn("*", "https://tool.example");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
                .get()
                .asString()
                .contains("GET")
                .contains("POST")
                .doesNotContain("PUT")
                .doesNotContain("DELETE");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials"))
                .isEmpty();
        HttpResponse<String> get = send(HttpRequest.newBuilder(URI.create(sparqlEndpoint() + "?query=" + enc("ASK {}")))
                .header("Origin", "https://tool.example")
                .GET()
                .build());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void adminPathsAreNotReachableThroughPathVariants() {
        String insert = "INSERT DATA { <urn:x:variant> <urn:x:p> \"written\" }";
        List<String> variants = List.of(
                "/kg/./update",
                "/kg/update;x",
                "/kg/update;jsessionid=1",
                "/kg/%2e/update",
                "/kg/%2E%2E/kg/update",
                "/kg/x/../update",
                "//kg/update",
                "/kg//update",
                "/kg%2fupdate",
                "/%24/datasets",
                "/$/datasets",
                "/kg/data;x",
                "/./kg/update",
                "/kg/upd%61te",
                "/KG/update",
                "/kg/update/",
                "/kg/sparql;/../update");
        for (String path : variants) {
            HttpResponse<String> r = postForm(fusekiUrl(path), "*/*", "update", insert);
            assertThat(r.statusCode()).as(path).isIn(400, 401, 403, 404, 405);
        }
        assertThat(ask("ASK { <urn:x:variant> ?p ?o }")).isFalse();
    }

    @Test
    void actuatorExposesOnlyHealth() {
        assertThat(get(facade("/actuator/health"), "application/json").statusCode())
                .isEqualTo(200);
        for (String p : new String[] {
            "/actuator/env",
            "/actuator/beans",
            "/actuator/configprops",
            "/actuator/heapdump",
            "/actuator/loggers",
            "/actuator/mappings"
        }) {
            assertThat(get(facade(p), "application/json").statusCode()).as(p).isEqualTo(404);
        }
    }

    @Test
    void localListenerCountsConnectionsSoZeroMeansSomething() throws Exception {
        try (LocalListener listener = new LocalListener()) {
            URI u = URI.create(listener.url("/probe"));
            try (java.net.Socket s = new java.net.Socket(u.getHost(), u.getPort())) {
                assertThat(s.getInputStream().read()).isEqualTo(-1); // accepted, counted, closed
            }
            assertThat(listener.connections()).isEqualTo(1);
        }
    }

    @Test
    void serviceClauseMakesNoConnection() {
        try (LocalListener listener = new LocalListener()) {
            HttpResponse<String> r =
                    sparql("SELECT * WHERE { SERVICE <" + listener.url("/sparql") + "> { ?s ?p ?o } }");
            assertThat(r.statusCode()).isNotEqualTo(200);
            HttpResponse<String> silent =
                    sparql("SELECT * WHERE { SERVICE SILENT <" + listener.url("/sparql") + "> { ?s ?p ?o } }");
            assertThat(silent.statusCode()).isNotEqualTo(500);
            assertThat(listener.connections()).isZero();
        }
    }

    @Test
    void loadIsRefusedEvenForTheAdmin() {
        try (LocalListener listener = new LocalListener()) {
            for (String load : new String[] {
                "LOAD <file:///etc/passwd> INTO GRAPH <urn:x:loaded>",
                "LOAD SILENT <" + listener.url("/data.ttl") + ">",
                "INSERT DATA { <urn:x:a> <urn:x:b> 1 } ; LOAD <" + listener.url("/x.ttl")
                        + "> INTO GRAPH <urn:x:loaded>"
            }) {
                HttpResponse<String> r = postBody("/kg/update", "application/sparql-update", load, true);
                assertThat(r.statusCode()).as(load).isEqualTo(403);
                HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(fusekiUrl("/kg/update")))
                        .header("Authorization", ADMIN)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("update=" + enc(load)))
                        .build());
                assertThat(form.statusCode()).as(load).isEqualTo(403);
            }
            assertThat(listener.connections()).isZero();
        }
        assertThat(ask("ASK { GRAPH <urn:x:loaded> { ?s ?p ?o } }")).isFalse();
        assertThat(ask("ASK { <urn:x:a> ?p ?o }")).isFalse();
    }

    @Test
    void malformedUpdateIsRefusedBeforeItsLeadingOperationsRun() {
        // Fuseki runs an update's operations as it parses them: without the gate's 400 the INSERT and the LOAD
        // before the stray ';;' (found by the W3C test syntax-update-bad-09) would run before the parse error.
        try (LocalListener listener = new LocalListener()) {
            String update = "INSERT DATA { <urn:x:early> <urn:x:b> 1 } ; LOAD <" + listener.url("/y.ttl")
                    + "> INTO GRAPH <urn:x:loaded> ;;";
            HttpResponse<String> r = postBody("/kg/update", "application/sparql-update", update, true);
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
            assertThat(listener.connections()).isZero();
        }
        assertThat(ask("ASK { <urn:x:early> ?p ?o }")).isFalse();
        assertThat(ask("ASK { GRAPH <urn:x:loaded> { ?s ?p ?o } }")).isFalse();
    }

    @Test
    void jsonLdUploadDoesNotFetchARemoteContext() {
        try (LocalListener listener = new LocalListener()) {
            String doc = "{\"@context\": \"" + listener.url("/context.jsonld")
                    + "\", \"@id\": \"urn:x:jl\", \"name\": \"x\"}";
            HttpResponse<String> r = put("/kg/data?graph=" + enc("urn:x:jsonld"), "application/ld+json", doc);
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(listener.connections()).isZero();
        }
        assertThat(ask("ASK { GRAPH <urn:x:jsonld> { ?s ?p ?o } }")).isFalse();
    }

    @Test
    void xmlExternalEntitiesInRdfXmlAreNotResolved() {
        try (LocalListener listener = new LocalListener()) {
            for (String system : new String[] {"file:///etc/passwd", listener.url("/xxe")}) {
                String doc = """
                        <?xml version="1.0"?>
                        <!DOCTYPE rdf:RDF [ <!ENTITY xxe SYSTEM "%s"> ]>
                        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="urn:x:">
                          <rdf:Description rdf:about="urn:x:xxe"><ex:p>&xxe;</ex:p></rdf:Description>
                        </rdf:RDF>
                        """.formatted(system);
                HttpResponse<String> r = put("/kg/data?graph=" + enc("urn:x:xxe"), "application/rdf+xml", doc);
                assertThat(r.statusCode()).as(system).isNotEqualTo(500);
                HttpResponse<String> stored =
                        get(fusekiUrl("/kg/get?graph=" + enc("urn:x:xxe")), "application/n-triples");
                assertThat(stored.body()).doesNotContain("root:");
            }
            assertThat(listener.connections()).isZero();
        }
        postBody("/kg/update", "application/sparql-update", "DROP SILENT GRAPH <urn:x:xxe>", true);
    }

    @Test
    void hugeFormPostToTheFacadeGets413() throws Exception {
        // A raw socket: the server answers (and closes) before the 30 MB are sent, which java.net.http reports as
        // a broken pipe instead of the response.
        int size = 30 * 1024 * 1024;
        try (java.net.Socket s = new java.net.Socket("localhost", port)) {
            Thread writer = new Thread(() -> {
                try {
                    var out = s.getOutputStream();
                    out.write(("POST /admin/reload?force=false HTTP/1.1\r\nHost: localhost\r\n"
                                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + size
                                    + "\r\nConnection: close\r\n\r\nq=")
                            .getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                    for (int sent = 2; sent < size; sent += chunk.length) {
                        out.write(chunk, 0, Math.min(chunk.length, size - sent));
                    }
                } catch (java.io.IOException closedEarly) {
                    // expected once the server has answered
                }
            });
            writer.start();
            String statusLine = new java.io.BufferedReader(
                            new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 413");
            s.close();
            writer.join();
        }
    }
}
