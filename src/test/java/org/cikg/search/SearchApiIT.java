package org.cikg.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/search} over HTTP, on the real data. */
class SearchApiIT extends ServiceITBase {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CIKG = "https://w3id.org/cikg/ontology#";

    private JsonNode search(String query) {
        HttpResponse<String> r = get(facade("/api/search?" + query), "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        return JSON.readTree(r.body());
    }

    private JsonNode firstResult(String query) {
        JsonNode results = search(query).get("results");
        assertThat(results.size()).as("results of " + query).isPositive();
        return results.get(0);
    }

    @Test
    void unitreeFromLowerCaseGivesIriSlugLabelTypeAndMatchedName() {
        JsonNode body = search("q=unitree");
        assertThat(body.get("query").asString()).isEqualTo("unitree");
        JsonNode r = body.get("results").get(0);
        assertThat(r.get("iri").asString()).isEqualTo("https://w3id.org/cikg/id/unitree-robotics");
        assertThat(r.get("slug").asString()).isEqualTo("unitree-robotics");
        assertThat(r.get("label").asString()).isEqualTo("Unitree Robotics");
        assertThat(r.get("type").asString()).isEqualTo(CIKG + "Startup");
        assertThat(r.get("typeLabel").asString()).isEqualTo("Startup");
        assertThat(r.get("matched").asString()).isEqualTo("Unitree Robotics");
        assertThat(r.get("matchedLang").asString()).isEqualTo("en");
        assertThat(r.get("score").asDouble()).isPositive();
    }

    @Test
    void unitreeFromATypo() {
        assertThat(firstResult("q=Unitre").get("slug").asString()).isEqualTo("unitree-robotics");
    }

    @Test
    void unitreeFromItsArabicNameShowsTheEnglishLabelByDefault() {
        JsonNode r = firstResult("q=" + enc("يونيتري روبوتيكس"));
        assertThat(r.get("slug").asString()).isEqualTo("unitree-robotics");
        assertThat(r.get("matchedLang").asString()).isEqualTo("ar");
        assertThat(r.get("label").asString()).isEqualTo("Unitree Robotics");
    }

    @Test
    void unitreeFromTheMisspelledFrenchForm() {
        JsonNode r = firstResult("q=" + enc("Uniree Robotics"));
        assertThat(r.get("slug").asString()).isEqualTo("unitree-robotics");
        assertThat(r.get("matched").asString()).isEqualTo("Uniree Robotics");
        assertThat(r.get("matchedLang").asString()).isEqualTo("fr");
    }

    @Test
    void deepSeekFromItsArabicNameEvenWithDiacritics() {
        assertThat(firstResult("q=" + enc("ديب سيك")).get("slug").asString()).isEqualTo("deepseek");
        assertThat(firstResult("q=" + enc("دِيبْ سِيك")).get("slug").asString()).isEqualTo("deepseek");
    }

    @Test
    void hebrewWithNiqqudMatches() {
        assertThat(firstResult("q=" + enc("שַׁנְגְחַאי")).get("slug").asString())
                .isEqualTo("shanghai");
    }

    @Test
    void exactMatchRanksFirst() {
        JsonNode results = search("q=Hangzhou").get("results");
        assertThat(results.size()).isGreaterThan(1);
        assertThat(results.get(0).get("slug").asString()).isEqualTo("hangzhou");
        assertThat(results.get(0).get("score").asDouble())
                .isGreaterThan(results.get(1).get("score").asDouble());
    }

    @Test
    void labelInTheAskedLanguageByParameterOrAcceptLanguage() {
        assertThat(firstResult("q=unitree&lang=ar").get("label").asString()).isEqualTo("يونيتري روبوتيكس");
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(facade("/api/search?q=deepseek")))
                .header("Accept", "application/json")
                .header("Accept-Language", "ar, en;q=0.5")
                .GET()
                .build());
        assertThat(JSON.readTree(r.body()).get("results").get(0).get("label").asString())
                .isEqualTo("ديب سيك");
        // No name in the asked language: English.
        assertThat(firstResult("q=unitree&lang=he").get("label").asString()).isEqualTo("Unitree Robotics");
    }

    @Test
    void typeFilterTakesLocalNamePrefixedNameOrIriAndIncludesSubclasses() {
        for (String type : new String[] {"Startup", "Organization", "cikg:Company", enc(CIKG + "Organization")}) {
            JsonNode results = search("q=unitree&type=" + type).get("results");
            assertThat(results.size()).as(type).isPositive();
            assertThat(results.get(0).get("slug").asString()).as(type).isEqualTo("unitree-robotics");
        }
        JsonNode people = search("q=unitree&type=Person").get("results");
        people.forEach(p -> assertThat(p.get("slug").asString()).isNotEqualTo("unitree-robotics"));
        // City or one of its subclasses (the gazetteer's prefecture-level and county-level cities, municipalities)
        search("q=Hangzhou&type=City")
                .get("results")
                .forEach(p -> assertThat(p.get("type").asString())
                        .isIn(
                                CIKG + "City",
                                CIKG + "PrefectureLevelCity",
                                CIKG + "CountyLevelCity",
                                CIKG + "Municipality"));
    }

    @Test
    void limitBoundsTheResults() {
        assertThat(search("q=Hangzhou&limit=2").get("results").size()).isEqualTo(2);
    }

    @Test
    void badParametersGet400ProblemNamingTheParameter() {
        String[][] cases = {
            {"", "'q'"},
            {"q=", "'q'"},
            {"q=" + "x".repeat(201), "'q'"},
            {"q=unitree&limit=0", "'limit'"},
            {"q=unitree&limit=101", "'limit'"},
            {"q=unitree&limit=ten", "'limit'"},
            {"q=unitree&lang=" + enc("<x>"), "'lang'"},
            {"q=unitree&type=NoSuchClass", "'type'"},
            {"q=unitree&type=" + enc("http://example.org/Startup"), "'type'"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = get(facade("/api/search?" + c[0]), "application/json");
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
            assertThat(JSON.readTree(r.body()).get("detail").asString())
                    .as(c[0])
                    .contains(c[1]);
        }
    }
}
