package org.cikg.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The reconciliation service called the way OpenRefine calls it: form-encoded {@code queries}, batched. */
class ReconcileIT extends ServiceITBase {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Names in the scripts and spellings the articles and analysts' spreadsheets use, and the entity each means. */
    private static final Map<String, String> BATCH = new LinkedHashMap<>();

    static {
        BATCH.put("Unitree", "unitree-robotics");
        BATCH.put("يونيتري روبوتيكس", "unitree-robotics");
        BATCH.put("Uniree Robotics", "unitree-robotics");
        BATCH.put("Brainco", "brainco");
        BATCH.put("Hangzhou DeepSeek", "deepseek");
        BATCH.put("ديب سيك", "deepseek");
        BATCH.put("深度求索", "deepseek");
        BATCH.put("ＤＥＥＰＳＥＥＫ", "deepseek");
        BATCH.put("Ханчжоу", "hangzhou");
        BATCH.put("هانغتشو", "hangzhou");
        BATCH.put("Шанхай", "shanghai");
        BATCH.put("שנגחאי", "shanghai");
        BATCH.put("בייג'ינג", "beijing");
        BATCH.put("דלתת נהר היאנגצה", "yangtze-river-delta");
        BATCH.put("Science du jeu", "game-science");
        BATCH.put("غايم ساينس", "game-science");
        BATCH.put("liang wenfeng", "liang-wenfeng");
        BATCH.put("ليانغ وينفينغ", "liang-wenfeng");
        BATCH.put("مشروع النسر", "eagle-project");
        BATCH.put("Шэньчжэнь", "shenzhen");
    }

    private JsonNode reconcile(String queries) {
        HttpResponse<String> r = postForm(facade("/reconcile"), "application/json", "queries", queries);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void aBatchOfTwentyNamesInMixedScriptsPutsTheRightEntityFirst() {
        ObjectNode batch = JSON.createObjectNode();
        List<String> names = new ArrayList<>(BATCH.keySet());
        for (int i = 0; i < names.size(); i++) {
            batch.putObject("q" + i).put("query", names.get(i)).put("limit", 3);
        }
        assertEquals(20, batch.size());
        JsonNode out = reconcile(batch.toString());
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            JsonNode result = out.get("q" + i).get("result");
            String first = result.isEmpty() ? "(none)" : result.get(0).get("id").asString();
            if (!BATCH.get(names.get(i)).equals(first)) {
                wrong.add(names.get(i) + " -> " + first + " (expected " + BATCH.get(names.get(i)) + ")");
            }
            assertTrue(result.size() <= 3, "limit is respected");
        }
        assertTrue(wrong.isEmpty(), "wrong first candidates: " + wrong);
    }

    @Test
    void candidatesCarryIdNameTypeAndScore() {
        JsonNode c = reconcile("{\"q0\":{\"query\":\"Unitree Robotics\",\"type\":\"Startup\"}}")
                .get("q0")
                .get("result")
                .get(0);
        assertEquals("unitree-robotics", c.get("id").asString());
        assertEquals("Unitree Robotics", c.get("name").asString());
        assertEquals("Startup", c.get("type").get(0).get("id").asString());
        assertEquals(100.0, c.get("score").asDouble());
        assertTrue(c.get("match").asBoolean(), "an exact name with no close rival is a match");
    }

    @Test
    void aPartialNameIsACandidateButNotAMatch() {
        JsonNode c = reconcile("{\"q0\":{\"query\":\"Unitree\"}}")
                .get("q0")
                .get("result")
                .get(0);
        assertEquals("unitree-robotics", c.get("id").asString());
        assertFalse(c.get("match").asBoolean());
        assertTrue(c.get("score").asDouble() < 100);
    }

    @Test
    void aCityPropertyConfirmsOrLowersACandidate() {
        JsonNode agree = reconcile("{\"q0\":{\"query\":\"Unitree Robotics\",\"properties\":[{\"pid\":\"locatedIn\","
                        + "\"v\":\"Hangzhou\"}]}}")
                .get("q0")
                .get("result")
                .get(0);
        JsonNode disagree = reconcile("{\"q0\":{\"query\":\"Unitree Robotics\",\"properties\":[{\"pid\":\"locatedIn\","
                        + "\"v\":\"Shanghai\"}]}}")
                .get("q0")
                .get("result")
                .get(0);
        assertEquals("unitree-robotics", agree.get("id").asString());
        assertTrue(agree.get("match").asBoolean());
        assertFalse(disagree.get("match").asBoolean(), "a city the entity is not in prevents a match");
        assertTrue(disagree.get("score").asDouble() < agree.get("score").asDouble());
    }

    @Test
    void aJsonBodyIsAcceptedToo() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(facade("/reconcile")))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"queries\":{\"q0\":{\"query\":\"Brainco\"}}}"))
                .build());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(
                "brainco",
                JSON.readTree(r.body()).get("q0").get("result").get(0).get("id").asString());
    }

    @Test
    void manifestDescribesSpacesTypesViewPreviewAndSuggest() {
        HttpResponse<String> r = get(facade("/reconcile"), "application/json");
        assertEquals(200, r.statusCode());
        JsonNode m = JSON.readTree(r.body());
        assertTrue(m.get("versions").toString().contains("0.2"));
        assertEquals("https://w3id.org/cikg/id/", m.get("identifierSpace").asString());
        assertEquals("https://w3id.org/cikg/ontology#", m.get("schemaSpace").asString());
        assertTrue(m.get("defaultTypes").toString().contains("\"id\":\"Startup\""));
        assertTrue(m.get("view").get("url").asString().endsWith("/page/{{id}}"));
        assertTrue(m.get("preview").get("url").asString().contains("{{id}}"));
        for (String s : List.of("entity", "type", "property")) {
            assertTrue(m.get("suggest").get(s).has("service_path"), s);
        }
        String view = m.get("view").get("url").asString().replace("{{id}}", "unitree-robotics");
        assertEquals(200, get(view, "text/html").statusCode(), "the view URL opens the entity page");
    }

    @Test
    void suggestServicesCompletePrefixes() {
        JsonNode e = JSON.readTree(get(facade("/reconcile/suggest/entity?prefix=Unitr"), "application/json")
                .body());
        assertEquals("unitree-robotics", e.get("result").get(0).get("id").asString());
        JsonNode t = JSON.readTree(get(facade("/reconcile/suggest/type?prefix=start"), "application/json")
                .body());
        assertTrue(t.get("result").toString().contains("\"id\":\"Startup\""), t.toString());
        JsonNode p = JSON.readTree(get(facade("/reconcile/suggest/property?prefix=located"), "application/json")
                .body());
        assertTrue(p.get("result").toString().contains("\"id\":\"locatedIn\""), p.toString());
    }

    @Test
    void previewIsASmallHtmlCard() {
        HttpResponse<String> r = get(facade("/reconcile/preview?id=unitree-robotics"), "text/html");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(r.body().contains("Unitree Robotics"));
        assertEquals(
                404,
                get(facade("/reconcile/preview?id=no-such-entity"), "text/html").statusCode());
    }

    @Test
    void badInputIs400() {
        for (String bad : List.of(
                "{not json",
                "[]",
                "{\"q0\":{}}",
                "{\"q0\":{\"query\":\"x\",\"limit\":0}}",
                "{\"q0\":{\"query\":\"x\",\"type\":\"NoSuchClass\"}}",
                "{\"q0\":{\"query\":\"x\",\"properties\":\"locatedIn\"}}")) {
            HttpResponse<String> r = postForm(facade("/reconcile"), "application/json", "queries", bad);
            assertEquals(400, r.statusCode(), bad + " -> " + r.body());
        }
        assertEquals(
                400, get(facade("/reconcile/suggest/type"), "application/json").statusCode());
    }
}
