package org.cikg.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The REST contract of the catalogue: listing, query text, formats, validation, injection attempts, raw SPARQL. */
class QueryApiIT extends ServiceITBase {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** Values that would change a query pasted together as text; here they must be rejected or matched as data. */
    private static final List<String> ATTACKS = List.of(
            "eagle-project\" } UNION { ?s ?p ?o } #",
            "eagle-project> } UNION { ?s ?p ?o",
            "x'; DROP ALL; '",
            "} UNION {",
            "<https://w3id.org/cikg/id/eagle-project>",
            "eagle-project\n} UNION { ?s ?p ?o }",
            "{ ?s ?p ?o }",
            "مشروع النسر",
            "פרויקט הנשר",
            "\u0000\u202e",
            "a".repeat(5000));

    private JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    @Test
    void catalogueListsEveryQuestionWithTypedParametersAndARunnableExample() {
        HttpResponse<String> r = get(facade("/api/queries"), "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode queries = json(r).get("queries");
        assertThat(queries.size()).isGreaterThanOrEqualTo(12);
        for (JsonNode q : queries) {
            String name = q.get("name").asString();
            assertThat(name).doesNotStartWith("system/");
            assertThat(q.get("title").asString()).isNotBlank();
            assertThat(q.get("parameters").size()).as(name).isPositive();
            JsonNode p = q.get("parameters").get(0);
            assertThat(p.has("type") && p.has("required") && p.has("description"))
                    .as(name)
                    .isTrue();
            assertThat(q.get("source").asString()).endsWith("/api/queries/" + name + ".rq");
            HttpResponse<String> example = get(q.get("example").asString(), "application/json");
            assertThat(example.statusCode()).as(q.get("example").asString()).isEqualTo(200);
            assertThat(json(example).get("rowCount").asInt())
                    .as("example of " + name + " finds something")
                    .isPositive();
        }
    }

    @Test
    void queryTextIsServedAsPlainTextWithItsHeader() {
        HttpResponse<String> r = get(facade("/api/queries/policy-beneficiaries.rq"), "*/*");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        assertThat(r.body())
                .startsWith("# title: Policy beneficiaries")
                .contains("# param: policy entity required")
                .contains("SELECT");
    }

    @Test
    void unknownQueryIs404AndInternalQueriesAreNotServed() {
        assertThat(get(facade("/api/queries/no-such-question"), "application/json")
                        .statusCode())
                .isEqualTo(404);
        assertThat(get(facade("/api/queries/no-such-question.rq"), "*/*").statusCode())
                .isEqualTo(404);
        assertThat(get(facade("/api/queries/count-triples"), "application/json").statusCode())
                .isEqualTo(404);
        assertThat(get(facade("/api/queries/system%2Fcount-triples"), "application/json")
                        .statusCode())
                .isIn(400, 404);
    }

    @Test
    void resultsComeAsJsonSparqlJsonOrCsvByAcceptAndNameTheQuery() {
        String url = facade("/api/queries/policy-beneficiaries?policy=eagle-project");
        HttpResponse<String> j = get(url, "application/json");
        assertThat(j.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        JsonNode body = json(j);
        assertThat(body.get("query").get("name").asString()).isEqualTo("policy-beneficiaries");
        assertThat(body.get("query").get("source").asString()).endsWith("/api/queries/policy-beneficiaries.rq");
        assertThat(body.get("columns").toString()).contains("organization").doesNotContain("organizationLabel");
        JsonNode cell = body.get("rows").get(0).get("organization");
        assertThat(cell.get("type").asString()).isEqualTo("iri");
        assertThat(cell.get("label").asString()).isEqualTo("Unitree Robotics");

        HttpResponse<String> s = get(url, "application/sparql-results+json");
        assertThat(s.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .startsWith("application/sparql-results+json");
        JsonNode sparql = json(s);
        assertThat(sparql.get("head").get("vars").toString()).contains("organizationLabel");
        assertThat(sparql.get("results")
                        .get("bindings")
                        .get(0)
                        .get("organization")
                        .get("value")
                        .asString())
                .isEqualTo("https://w3id.org/cikg/id/unitree-robotics");

        HttpResponse<String> c = get(url, "text/csv");
        assertThat(c.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(c.body()).startsWith("organization,organizationLabel,").contains("Unitree Robotics");

        for (HttpResponse<String> r : List.of(j, s, c)) {
            assertThat(r.headers().firstValue("Link"))
                    .get()
                    .asString()
                    .contains("/api/queries/policy-beneficiaries.rq>")
                    .contains("rel=\"describedby\"");
            // SPARQL JSON and CSV have no field for the row cap: every format says it in headers.
            assertThat(r.headers().firstValue("X-Result-Truncated")).hasValue("false");
            assertThat(r.headers().firstValue("X-Row-Limit")).hasValue("1000");
        }
        assertThat(body.get("truncated").asBoolean()).isFalse();
        assertThat(get(url, "*/*").headers().firstValue("Content-Type"))
                .get()
                .asString()
                .startsWith("application/json");
        assertThat(get(url, "text/csv;q=0.5, application/sparql-results+json")
                        .headers()
                        .firstValue("Content-Type"))
                .get()
                .asString()
                .startsWith("application/sparql-results+json");
        assertThat(get(url, "image/png").statusCode()).isEqualTo(406);
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        Map<String, String> cases = Map.of(
                "/api/queries/policy-beneficiaries", "policy",
                "/api/queries/policy-beneficiaries?policy=eagle-project&colour=red", "colour",
                "/api/queries/policy-beneficiaries?policy=Eagle%20Project", "policy",
                "/api/queries/policy-beneficiaries?policy=eagle-project&policy=deepseek", "policy",
                "/api/queries/policies-of-place?place=zhejiang&year=twenty", "year",
                "/api/queries/organisations-in-place?place=zhejiang&class=Unicorn", "class",
                "/api/queries/organisations-in-place?place=zhejiang&lang=english!", "lang",
                "/api/queries/claim-sources?subject=deepseek&predicate=http://example.org/p", "predicate",
                "/api/queries/claim-sources?subject=deepseek&predicate=cikg:noSuchProperty", "predicate",
                "/api/queries/policy-beneficiaries?policy=http://example.org/eagle-project", "policy");
        cases.forEach((path, param) -> {
            HttpResponse<String> r = get(facade(path), "application/json");
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).get().asString().contains("problem+json");
            assertThat(json(r).get("detail").asString()).as(path).contains("'" + param + "'");
        });
    }

    @Test
    void injectionAttemptsInEveryParameterGet400OrAnEmptyAnswerNeverA500() {
        List<String> attacks = ATTACKS;
        int requests = 0;
        for (JsonNode q : json(get(facade("/api/queries"), "application/json")).get("queries")) {
            String name = q.get("name").asString();
            String example = q.get("example").asString();
            for (JsonNode p : q.get("parameters")) {
                String param = p.get("name").asString();
                for (String attack : attacks) {
                    String url = withParam(example, param, attack);
                    HttpResponse<String> r = get(url, "application/json");
                    requests++;
                    assertThat(r.statusCode())
                            .as(name + " " + param + " <- " + attack.substring(0, Math.min(40, attack.length())))
                            .isIn(200, 400);
                    if (r.statusCode() == 200) {
                        // Accepted as data (a string parameter): the query ran unchanged and matched nothing.
                        assertThat(json(r).get("rowCount").asInt())
                                .as(name + " " + param + " <- " + attack)
                                .isZero();
                    } else {
                        assertThat(json(r).get("detail").asString()).contains("'" + param + "'");
                    }
                }
            }
        }
        assertThat(requests).isGreaterThan(100);
    }

    @Test
    void rawSparqlSeesInferredTriplesWithoutPropertyPaths() {
        HttpResponse<String> r = sparql("""
                PREFIX cikg: <https://w3id.org/cikg/ontology#>
                PREFIX kgid: <https://w3id.org/cikg/id/>
                SELECT ?startup WHERE { ?startup a cikg:Startup ; cikg:locatedIn kgid:zhejiang }""");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("https://w3id.org/cikg/id/deepseek")
                .contains("https://w3id.org/cikg/id/unitree-robotics")
                .contains("https://w3id.org/cikg/id/game-science");
        HttpResponse<String> inverse = sparql("""
                PREFIX cikg: <https://w3id.org/cikg/ontology#>
                PREFIX kgid: <https://w3id.org/cikg/id/>
                ASK { kgid:eagle-project cikg:beneficiary kgid:unitree-robotics .
                      kgid:unitree-robotics a cikg:Organization }""");
        assertThat(inverse.body()).contains("true");
    }

    @Test
    void homePageListsEveryQuestionsPageAndEveryExampleWorks() {
        HttpResponse<String> home = get(facade("/"), "text/html");
        assertThat(home.statusCode()).isEqualTo(200);
        JsonNode queries = json(get(facade("/api/queries"), "application/json")).get("queries");
        String text = org.springframework.web.util.HtmlUtils.htmlUnescape(home.body());
        for (JsonNode q : queries) {
            assertThat(text)
                    .contains(q.get("title").asString())
                    .contains("href=\"/questions/" + q.get("name").asString() + "\"");
            HttpResponse<String> r = get(q.get("example").asString(), "application/json");
            assertThat(r.statusCode()).as(q.get("example").asString()).isEqualTo(200);
            assertThat(json(r).get("rowCount").asInt())
                    .as(q.get("example").asString())
                    .isPositive();
        }
    }

    /** The example URL with one parameter replaced (or added) with the given raw value, encoded. */
    private static String withParam(String exampleUrl, String param, String value) {
        int q = exampleUrl.indexOf('?');
        String base = q < 0 ? exampleUrl : exampleUrl.substring(0, q);
        StringBuilder out =
                new StringBuilder(base).append('?').append(param).append('=').append(enc(value));
        if (q >= 0) {
            for (String pair : exampleUrl.substring(q + 1).split("&")) {
                if (!pair.startsWith(param + "=")) {
                    out.append('&').append(pair);
                }
            }
        }
        return out.toString();
    }

    @Test
    void formatInTheUrlWinsOverAcceptAndABadOneIs400() {
        String base = facade("/api/queries/policy-beneficiaries?policy=eagle-project&format=");
        HttpResponse<String> csv = get(base + "csv", "application/json");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).contains("https://w3id.org/cikg/id/unitree-robotics");
        assertThat(get(base + "sparql-json", "*/*")
                        .headers()
                        .firstValue("Content-Type")
                        .orElseThrow())
                .startsWith("application/sparql-results+json");
        assertThat(get(base + "json", "text/csv")
                        .headers()
                        .firstValue("Content-Type")
                        .orElseThrow())
                .startsWith("application/json");
        HttpResponse<String> bad = get(base + "png", "*/*");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("format");
    }
}
