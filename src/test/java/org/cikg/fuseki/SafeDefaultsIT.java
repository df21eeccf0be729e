package org.cikg.fuseki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.cikg.config.KgProperties;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.Test;

/**
 * The defaults and the smaller holes of the report, against the running service: binary uploads that replaced a
 * graph with part of a body, credentials and CORS settings written to the temporary folder, password guessing at full
 * speed, reflected {@code callback}/{@code stylesheet}, {@code TRACE}, the public health answer, the reconciliation
 * preflight, the containers' own error pages, and both ports on every interface. Requests that must come from an
 * address of their own (the login throttle counts per address) use raw sockets bound to 127.0.0.x.
 */
class SafeDefaultsIT extends ServiceITBase {
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:it-secret".getBytes());
    private static final String WRONG = "Basic " + Base64.getEncoder().encodeToString("admin:guess".getBytes());
    private static final String TURTLE = "<urn:x:s1> <urn:x:p> \"one\" .\n<urn:x:s2> <urn:x:p> \"two\" .\n"
            + "<urn:x:s3> <urn:x:p> \"three\" .\n<urn:x:s4> <urn:x:p> \"four\" .\n";

    private String fusekiUrl(String path) {
        return "http://localhost:" + fuseki.port() + path;
    }

    private HttpResponse<String> put(String graph, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(fusekiUrl("/kg/data?graph=" + enc(graph))))
                .header("Content-Type", contentType)
                .header("Authorization", ADMIN)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    private long triplesIn(String graph) {
        HttpResponse<String> r = sparql("SELECT (COUNT(*) AS ?n) { GRAPH <" + graph + "> { ?s ?p ?o } }");
        String digits = r.body().replaceAll("(?s).*\"value\"\\s*:\\s*\"(\\d+)\".*", "$1");
        return Long.parseLong(digits);
    }

    @Test
    void binaryUploadsThatCannotBeCheckedAreRefusedAndTheGraphIsUnchanged() {
        String graph = "urn:x:binary-upload";
        assertThat(put(graph, "text/turtle", TURTLE.getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isBetween(200, 204);
        assertThat(triplesIn(graph)).isEqualTo(4);
        Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        RDFParser.fromString(TURTLE, Lang.TURTLE).parse(g);
        for (Lang lang : List.of(Lang.RDFTHRIFT, Lang.RDFPROTO)) {
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            RDFDataMgr.write(whole, g, lang);
            byte[] cut = java.util.Arrays.copyOf(whole.toByteArray(), whole.size() / 2);
            byte[] garbage = "this is not RDF at all \u0000\u0001\u0002".getBytes(StandardCharsets.UTF_8);
            for (byte[] body : List.of(garbage, cut, whole.toByteArray())) {
                HttpResponse<String> r = put(graph, lang.getContentType().getContentTypeStr(), body);
                assertThat(r.statusCode()).as(lang.getName()).isEqualTo(415);
                assertThat(r.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
                HttpResponse<String> post =
                        send(HttpRequest.newBuilder(URI.create(fusekiUrl("/kg/data?graph=" + enc(graph))))
                                .header("Content-Type", lang.getContentType().getContentTypeStr())
                                .header("Authorization", ADMIN)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build());
                assertThat(post.statusCode()).isEqualTo(415);
            }
            assertThat(triplesIn(graph))
                    .as("after the %s uploads", lang.getName())
                    .isEqualTo(4);
        }
        HttpResponse<String> badTurtle =
                put(graph, "text/turtle", "<urn:x:a> <urn:x:b> ".getBytes(StandardCharsets.UTF_8));
        assertThat(badTurtle.statusCode()).isEqualTo(400);
        assertThat(triplesIn(graph)).isEqualTo(4);
        send(HttpRequest.newBuilder(URI.create(fusekiUrl("/kg/data?graph=" + enc(graph))))
                .header("Authorization", ADMIN)
                .DELETE()
                .build());
    }

    @Test
    void adminUpdatesOnGraphsThatDoNotExistAre400NotServerErrors() {
        long before = triplesIn("urn:x:admin-target");
        for (String update : List.of(
                "ADD <urn:x:no-such-graph> TO <urn:x:admin-target>",
                "COPY <urn:x:no-such-graph> TO <urn:x:admin-target>",
                "MOVE <urn:x:no-such-graph> TO <urn:x:admin-target>",
                "CLEAR GRAPH <urn:x:no-such-graph>")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(fusekiUrl("/kg/update")))
                    .header("Content-Type", "application/sparql-update")
                    .header("Authorization", ADMIN)
                    .POST(HttpRequest.BodyPublishers.ofString(update))
                    .build());
            assertThat(r.statusCode()).as(update).isEqualTo(400);
            assertThat(r.body()).as(update).contains("urn:x:no-such-graph");
        }
        assertThat(triplesIn("urn:x:admin-target")).isEqualTo(before);
    }

    @Test
    void credentialsAndCorsSettingsAreNeverWrittenToTheTemporaryFolder() throws IOException {
        String password = UUID.randomUUID().toString();
        KgProperties props = new KgProperties(
                new KgProperties.Store(Path.of("unused"), Path.of("ontology"), Path.of("data")),
                new KgProperties.Sparql(java.time.Duration.ofSeconds(5), Path.of("queries")),
                new KgProperties.Fuseki(true, 0),
                new KgProperties.Admin("admin", password));
        FusekiServer server = FusekiEndpoints.build(
                        DatasetGraphFactory.createTxnMem(), props, EndpointLimits.defaults(), null)
                .start();
        try {
            HttpResponse<String> r = send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + server.getHttpPort() + "/kg/update"))
                    .header("Content-Type", "application/sparql-update")
                    .header(
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:x:a> <urn:x:b> 1 }"))
                    .build());
            assertThat(r.statusCode())
                    .as("the admin logs in from the in-memory user store")
                    .isBetween(200, 204);
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            try (Stream<Path> files = Files.list(tmp)) {
                List<Path> leaked = files.filter(Files::isRegularFile)
                        .filter(f -> {
                            try {
                                return Files.size(f) < 1_000_000
                                        && Files.readString(f, StandardCharsets.ISO_8859_1)
                                                .contains(password);
                            } catch (IOException e) {
                                return false; // another user's file, unreadable: not ours
                            }
                        })
                        .toList();
                assertThat(leaked).as("files in %s holding the password", tmp).isEmpty();
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void repeatedWrongPasswordsAreSlowedDownOnBothPortsForThatAddressOnly() throws IOException {
        InetAddress guesser = InetAddress.getByName("127.0.0.4");
        String update = "POST /kg/update HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-update\r\n"
                + "Connection: close\r\nAuthorization: %s\r\nContent-Length: 2\r\n\r\n{}";
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(raw(guesser, fuseki.port(), update.formatted(WRONG))).startsWith("HTTP/1.1 401");
        }
        raw(guesser, fuseki.port(), update.formatted(WRONG)); // the failure that closes the door
        String refused = raw(guesser, fuseki.port(), update.formatted(ADMIN));
        assertThat(refused)
                .as("the right password is not even looked at meanwhile")
                .startsWith("HTTP/1.1 429")
                .containsIgnoringCase("Retry-After:")
                .contains("application/problem+json");
        String facade = raw(
                guesser,
                port,
                "POST /admin/reload HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + "Authorization: " + ADMIN
                        + "\r\nContent-Length: 0\r\n\r\n");
        assertThat(facade)
                .as("the facade's admin calls share the count")
                .startsWith("HTTP/1.1 429")
                .containsIgnoringCase("Retry-After:");
        String other = raw(
                InetAddress.getByName("127.0.0.6"),
                port,
                "POST /admin/reload HTTP/1.1\r\nHost: localhost" + "\r\nConnection: close\r\nAuthorization: " + WRONG
                        + "\r\nContent-Length: 0\r\n\r\n");
        assertThat(other).as("another address is not affected").startsWith("HTTP/1.1 401");
    }

    @Test
    void callbackAndStylesheetAreNotReflected() {
        for (String p : List.of("callback", "stylesheet")) {
            String value = "alert(document.domain)//" + p;
            HttpResponse<String> r = get(
                    sparqlEndpoint() + "?query=" + enc("ASK {}") + "&" + p + "=" + enc(value),
                    "application/sparql-results+json, application/sparql-results+xml");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).doesNotContain(value);
        }
    }

    @Test
    void traceIsNotServedOnTheSparqlPort() {
        // Fuseki answers 405 on its endpoints; the servlet container echoed the request on every other path.
        for (String path : List.of("/kg/sparql", "/", "/$/ping", "/no-such-path")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(fusekiUrl(path)))
                    .method("TRACE", HttpRequest.BodyPublishers.noBody())
                    .header("X-Secret", "echo-me")
                    .build());
            assertThat(r.statusCode()).as(path).isEqualTo(405);
            assertThat(r.body()).as(path).doesNotContain("echo-me");
        }
    }

    @Test
    void publicHealthShowsNoPathsOrDiskSizes() {
        HttpResponse<String> r = get(facade("/actuator/health"), "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("\"store\"")
                .contains("\"disk\"")
                .doesNotContain(Path.of("").toAbsolutePath().toString())
                .doesNotContain("\"total\"")
                .doesNotContain("\"free\"")
                .doesNotContain("\"path\"");
    }

    @Test
    void reconciliationPreflightNeverAllowsCredentials() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(facade("/reconcile")))
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(r.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void theContainersOwnErrorPagesAreProblemDetails() throws IOException {
        InetAddress me = InetAddress.getLoopbackAddress();
        String tomcat = raw(me, port, "GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(tomcat)
                .startsWith("HTTP/1.1 400")
                .contains("application/problem+json")
                .contains("\"status\":400")
                .doesNotContain("<html");
        String jetty = raw(
                me,
                fuseki.port(),
                "GET /kg/sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: localhost\r\n"
                        + "Bad header line\r\nConnection: close\r\n\r\n");
        assertThat(jetty)
                .startsWith("HTTP/1.1 400")
                .contains("application/problem+json")
                .contains("\"status\":400")
                .doesNotContain("<html");
    }

    @Test
    void bothPortsListenOnLoopbackOnly() throws IOException {
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
        assumeThat(external).as("a non-loopback address to try").isPresent();
        for (int p : new int[] {port, fuseki.port()}) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(external.get(), p), 2_000);
                assertThat(s.isConnected())
                        .as("port %d answered on %s", p, external.get())
                        .isFalse();
            } catch (ConnectException refused) {
                assertThat(refused.getMessage()).containsIgnoringCase("refused");
            }
        }
    }

    /** One raw HTTP/1.1 exchange from {@code from}; the whole response. */
    private static String raw(InetAddress from, int port, String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port, from, 0)) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            s.getInputStream().transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
