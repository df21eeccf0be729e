package org.cikg.fuseki;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.Test;

/**
 * Hostile values in every parameter of every SPARQL endpoint (query, update, default/named graph, GSP graph,
 * output format, timeout, Accept, Content-Type): never a 500, and the store is unchanged afterwards. The values
 * include the 15 injection strings of Jena's own {@code TestParameterizedSparqlString}, raw invalid UTF-8 and
 * control characters in the query string, huge values, RTL overrides and path traversal. Seeded, bounded (a few
 * thousand requests).
 */
class HostileInputIT extends ServiceITBase {
    /** The payloads of Jena's TestParameterizedSparqlString test_param_string_injection_01..15, in order. */
    static final List<String> JENA_INJECTIONS = List.of(
            "hello> } ; DROP ALL ; INSERT DATA { <s> <p> <goodbye>",
            "hello> } ; DROP ALL ; INSERT DATA { <s> <p> <goodbye",
            "hello\" } ; DROP ALL ; INSERT DATA { <s> <p> <goodbye>",
            "hello> . ?s ?p ?o",
            "hello\" . ?s ?p ?o",
            "hello' . } ; DROP ALL ; INSERT DATA { <s> <p> \"goodbye",
            " . } ; DROP ALL ; INSERT DATA { <s> <p> ",
            "' . } ; DROP ALL ; INSERT DATA { <s> <p> <o> }#",
            "\" . } ; DROP ALL ; INSERT DATA { <s> <p> <o> }#",
            "?var2",
            " . } ; DROP ALL ; INSERT DATA { <s> <p> ",
            " . } ; DROP ALL ; INSERT DATA { <s> <p> ",
            "' . } ; DROP ALL ; INSERT DATA { <s> <p> <o> }#",
            "' . } ; DROP ALL ; INSERT DATA { <s> <p> <o> }#",
            " ?var2 ");

    /** Raw (already percent-encoded) query-string values: invalid UTF-8, NUL, overlong forms, stray escapes. */
    static final List<String> RAW_ENCODED = List.of(
            "%FF%FE",
            "%C3%28", "%00", "%C0%AF", "%ED%A0%80", "%", "%zz", "%E2%80%AE", "..%2F..%2Fetc%2Fpasswd", "%F4%90%80%80");

    private static List<String> values() {
        List<String> v = new ArrayList<>(JENA_INJECTIONS);
        v.addAll(List.of(
                "",
                " ",
                "{",
                "}",
                "}}}}",
                "((((",
                "\"",
                "'",
                "\"\"\"",
                "<",
                ">",
                "\\",
                "#",
                "?",
                "$",
                ";",
                "\u0000",
                "\u0007\b\f",
                "\r\n\r\nX-Injected: 1",
                "\u202Eevil\u202C",
                "\uFEFF",
                "\uD800",
                "../../../../etc/passwd",
                "file:///etc/passwd",
                "http://127.0.0.1:9/x",
                "SELECT",
                "ASK {}",
                "DROP ALL",
                "CLEAR DEFAULT",
                "LOAD <file:///etc/passwd>",
                "SERVICE <http://127.0.0.1:9/> {}",
                "-1",
                "99999999999999999999",
                "NaN",
                "1e309",
                "<script>alert(1)</script>",
                "x".repeat(20_000),
                "\u4e2d\u6587".repeat(3000)));
        Random random = new Random(20261129);
        String alphabet = "{}()[]<>\"'\\#?$;.,:|^*+!=&%@_- \t\n\u0000\u202E\u00e9\u4e2dabcSELECTWHERE";
        for (int i = 0; i < 40; i++) {
            StringBuilder b = new StringBuilder();
            int len = 1 + random.nextInt(200);
            for (int j = 0; j < len; j++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            v.add(b.toString());
        }
        return v;
    }

    private static List<String> queriesAround(String v) {
        return List.of(
                v,
                "SELECT * WHERE { ?s ?p \"" + v + "\" } LIMIT 1",
                "SELECT * WHERE { <" + v + "> ?p ?o } LIMIT 1",
                "ASK { ?s ?p '" + v + "' }",
                "SELECT * WHERE { ?s ?p ?o FILTER(regex(str(?o), \"" + v + "\")) } LIMIT 1",
                "PREFIX : <http://example/>\nINSERT DATA { <s> <p> \"" + v + "\" }");
    }

    /** The hostile value the requests now being sent carry, named in every failure. */
    private String payload = "";

    /** A value as a failure message shows it: control, bidi and surrogate characters escaped, at most 120 shown. */
    private static String shown(String v) {
        StringBuilder b = new StringBuilder();
        v.codePoints()
                .limit(120)
                .forEach(c -> b.append(
                        c < 0x20
                                        || c == 0x7f
                                        || (c >= 0x202a && c <= 0x202e)
                                        || c == 0xfeff
                                        || Character.isSurrogate((char) c)
                                ? String.format("\\u%04x", c)
                                : Character.toString(c)));
        boolean cut = v.codePointCount(0, v.length()) > 120;
        return "\"" + b + "\"" + (cut ? "... (" + v.length() + " chars)" : "");
    }

    private int check(HttpRequest request, List<String> failures) {
        HttpResponse<String> r;
        try {
            try {
                r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException staleConnection) {
                // After refusing a request without reading its body (401, 413), Jetty closes the connection; the
                // client may already have reused it for this request, and does not retry a POST by itself.
                r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            }
        } catch (java.io.IOException e) {
            failures.add(request.uri() + " -> connection error " + e + " for payload " + shown(payload));
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (r.statusCode() >= 500) {
            String uri = request.uri().toString();
            failures.add(r.statusCode() + " " + request.method() + " " + uri.substring(0, Math.min(200, uri.length()))
                    + " for payload " + shown(payload));
        }
        return r.statusCode();
    }

    @Test
    void hostileValuesInEveryParameterNeverGet500AndChangeNothing() {
        long triplesBefore = count();
        String base = "http://localhost:" + fuseki.port();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        List<String> queryEndpoints = List.of("/kg/sparql", "/kg/query", "/kg");
        for (String v : values()) {
            payload = v;
            for (String q : queriesAround(v)) {
                for (String ep : queryEndpoints) {
                    check(
                            HttpRequest.newBuilder(URI.create(base + ep))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString("query=" + enc(q)))
                                    .build(),
                            failures);
                    requests++;
                }
                check(
                        HttpRequest.newBuilder(URI.create(base + "/kg/sparql"))
                                .header("Content-Type", "application/sparql-query")
                                .POST(HttpRequest.BodyPublishers.ofString(q))
                                .build(),
                        failures);
                check(
                        HttpRequest.newBuilder(URI.create(base + "/kg/update"))
                                .header("Content-Type", "application/sparql-update")
                                .POST(HttpRequest.BodyPublishers.ofString(q))
                                .build(),
                        failures);
                requests += 2;
            }
            String ask = enc("ASK { ?s ?p ?o }");
            String ev = enc(v);
            for (String param : List.of(
                    "default-graph-uri",
                    "named-graph-uri",
                    "output",
                    "format",
                    "timeout",
                    "results",
                    "stylesheet",
                    "callback",
                    "force-accept")) {
                if (v.length() < 5000) {
                    check(
                            HttpRequest.newBuilder(
                                            URI.create(base + "/kg/sparql?query=" + ask + "&" + param + "=" + ev))
                                    .GET()
                                    .build(),
                            failures);
                    requests++;
                }
            }
            if (v.length() < 5000) {
                for (String gsp : List.of("/kg/get?graph=", "/kg/data?graph=", "/kg/get?default&graph=")) {
                    check(
                            HttpRequest.newBuilder(URI.create(base + gsp + ev))
                                    .GET()
                                    .build(),
                            failures);
                    requests++;
                }
                check(
                        HttpRequest.newBuilder(URI.create(base + "/kg/data?graph=" + ev))
                                .header("Content-Type", "text/turtle")
                                .PUT(HttpRequest.BodyPublishers.ofString("<urn:x:s> <urn:x:p> \"" + v + "\" ."))
                                .build(),
                        failures);
                requests++;
            }
            String headerSafe = v.replaceAll("[^\\x20-\\x7e]", "").strip();
            if (!headerSafe.isEmpty() && headerSafe.length() < 5000) {
                for (String header : List.of("Accept", "Content-Type")) {
                    try {
                        check(
                                HttpRequest.newBuilder(URI.create(base + "/kg/sparql"))
                                        .header(header, headerSafe)
                                        .header(
                                                "Content-Type".equals(header) ? "Accept" : "Content-Type",
                                                "Content-Type".equals(header)
                                                        ? "*/*"
                                                        : "application/x-www-form-urlencoded")
                                        .POST(HttpRequest.BodyPublishers.ofString("query=" + ask))
                                        .build(),
                                failures);
                        requests++;
                    } catch (IllegalArgumentException clientRefusesHeader) {
                        // java.net.http will not send some values; nothing reached the server
                    }
                }
            }
        }
        for (String raw : RAW_ENCODED) {
            payload = raw;
            for (String url : List.of(
                    "/kg/sparql?query=" + raw,
                    "/kg/sparql?query=ASK%7B%7D&default-graph-uri=" + raw,
                    "/kg/get?graph=" + raw,
                    "/kg/sparql?" + raw + "=1",
                    "/kg/" + raw)) {
                try {
                    check(HttpRequest.newBuilder(URI.create(base + url)).GET().build(), failures);
                    requests++;
                } catch (IllegalArgumentException notAUri) {
                    // java.net.http refuses to send this URI at all
                }
            }
            check(
                    HttpRequest.newBuilder(URI.create(base + "/kg/sparql"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("query=" + raw))
                            .build(),
                    failures);
            requests++;
        }
        assertThat(failures).as("%d requests", requests).isEmpty();
        assertThat(requests).isGreaterThan(2000);
        assertThat(count()).isEqualTo(triplesBefore);
        assertThat(sparql("ASK { { <s> ?p ?o } UNION { <urn:x:s> ?p ?o } UNION { ?s ?p <goodbye> } }")
                        .body())
                .contains("false");
    }

    private long count() {
        HttpResponse<String> r =
                get(sparqlEndpoint() + "?query=" + enc("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), "text/csv");
        return Long.parseLong(r.body().lines().skip(1).findFirst().orElseThrow().strip());
    }
}
