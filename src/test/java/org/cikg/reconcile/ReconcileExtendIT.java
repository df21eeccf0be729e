package org.cikg.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data extension called the way OpenRefine 3.x calls it: the manifest's {@code extend} section, the property proposal
 * service, then {@code extend} as a form field (POST) or query parameter (GET).
 */
class ReconcileExtendIT extends ServiceITBase {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEEPSEEK_AND_UNITREE = "{\"ids\":[\"deepseek\",\"unitree-robotics\"],\"properties\":"
            + "[{\"id\":\"headquarteredIn\"},{\"id\":\"founder\"},{\"id\":\"foundingYear\"}]}";

    private JsonNode extendByForm(String extend) {
        HttpResponse<String> r = postForm(facade("/reconcile"), "application/json", "extend", extend);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private JsonNode extendByGet(String extend, String lang) {
        HttpResponse<String> r = get(
                facade("/reconcile?extend=" + enc(extend) + (lang == null ? "" : "&lang=" + lang)), "application/json");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static List<String> strings(JsonNode cells, String field) {
        List<String> out = new ArrayList<>();
        cells.forEach(c -> out.add(c.get(field).asString()));
        return out;
    }

    @Test
    void manifestOffersPropertyProposalAndALanguageSetting() {
        JsonNode m = JSON.readTree(get(facade("/reconcile"), "application/json").body());
        JsonNode ext = m.get("extend");
        assertEquals(
                "/reconcile/properties",
                ext.get("propose_properties").get("service_path").asString());
        assertTrue(ext.get("propose_properties").get("service_url").asString().startsWith("http://"));
        JsonNode setting = ext.get("property_settings").get(0);
        assertEquals("lang", setting.get("name").asString());
        assertEquals("select", setting.get("type").asString());
        assertTrue(setting.get("choices").toString().contains("\"value\":\"ar\""), setting.toString());
    }

    @Test
    void proposedPropertiesForAStartupAreThoseItsClassesAdmit() {
        JsonNode r = JSON.readTree(get(facade("/reconcile/properties?type=Startup"), "application/json")
                .body());
        assertEquals("Startup", r.get("type").asString());
        List<String> ids = strings(r.get("properties"), "id");
        assertTrue(ids.containsAll(List.of("headquarteredIn", "founder", "foundingYear", "locatedIn")), ids.toString());
        assertFalse(ids.contains("issuedBy"), "a policy's property is not proposed for a company: " + ids);
        assertTrue(r.get("properties").get(0).has("name"));
        JsonNode two = JSON.readTree(get(facade("/reconcile/properties?type=Startup&limit=2"), "application/json")
                .body());
        assertEquals(2, two.get("properties").size());
        assertEquals(2, two.get("limit").asInt());
    }

    @Test
    void deepSeekAndUnitreeGetHeadquartersFounderAndFoundingYear() {
        JsonNode out = extendByForm(DEEPSEEK_AND_UNITREE);
        JsonNode meta = out.get("meta");
        assertEquals(List.of("headquarteredIn", "founder", "foundingYear"), strings(meta, "id"));
        assertEquals("headquartered in", meta.get(0).get("name").asString());
        assertEquals("Place", meta.get(0).get("type").get("id").asString(), "entity columns carry their type");
        assertEquals("Person", meta.get(1).get("type").get("id").asString());
        assertFalse(meta.get(2).has("type"), "a literal column has no type");

        JsonNode deepseek = out.get("rows").get("deepseek");
        assertEquals(
                "hangzhou", deepseek.get("headquarteredIn").get(0).get("id").asString());
        assertEquals(
                "Hangzhou", deepseek.get("headquarteredIn").get(0).get("name").asString());
        assertEquals(List.of("liang-wenfeng"), strings(deepseek.get("founder"), "id"));
        assertEquals("Liang Wenfeng", deepseek.get("founder").get(0).get("name").asString());
        List<String> years = strings(deepseek.get("foundingYear"), "int");
        assertTrue(years.contains("2023"), "the established year, as a year: " + years);
        assertTrue(years.contains("2019"), "and the one article 000 states: " + years);
        for (JsonNode year : deepseek.get("foundingYear")) {
            assertTrue(year.get("int").isIntegralNumber(), "a year is a number, not a timestamp: " + year);
            assertFalse(year.has("date"), year.toString());
        }
        JsonNode hq = deepseek.get("headquarteredIn").get(0);
        assertFalse(hq.get("sources").isEmpty(), "each value says where it comes from: " + hq);
        JsonNode from = hq.get("sources").get(0);
        assertTrue(from.get("source").asString().startsWith("https://w3id.org/cikg/"), from.toString());
        assertTrue(from.get("paragraph") == null || from.get("paragraph").isIntegralNumber(), from.toString());
        assertTrue(List.of("stated", "hedged").contains(hq.get("certainty").asString()), hq.toString());
        JsonNode inferred = extendByForm("{\"ids\":[\"deepseek\"],\"properties\":[{\"id\":\"locatedIn\"}]}")
                .get("rows")
                .get("deepseek")
                .get("locatedIn");
        boolean derivedWithoutSource = false;
        for (JsonNode place : inferred) {
            assertTrue(place.get("sources").isArray(), place.toString());
            derivedWithoutSource |= place.get("sources").isEmpty() && !place.has("certainty");
        }
        assertTrue(derivedWithoutSource, "a value the inference derived has no source and no certainty: " + inferred);

        JsonNode unitree = out.get("rows").get("unitree-robotics");
        assertEquals(List.of("binjiang-district"), strings(unitree.get("headquarteredIn"), "id"));
        assertTrue(
                unitree.get("founder").isArray() && unitree.get("founder").isEmpty(),
                "no founder recorded: an empty list, not a missing key");
    }

    @Test
    void namesComeInTheRequestedLanguageOrThePropertysOwnSetting() {
        JsonNode ar = extendByGet(
                        "{\"ids\":[\"deepseek\"],\"properties\":[{\"id\":\"founder\"},"
                                + "{\"id\":\"headquarteredIn\",\"settings\":{\"lang\":\"ru\"}}]}",
                        "ar")
                .get("rows")
                .get("deepseek");
        assertEquals("ليانغ وينفينغ", ar.get("founder").get(0).get("name").asString());
        assertEquals("Ханчжоу", ar.get("headquarteredIn").get(0).get("name").asString());
        JsonNode he = extendByGet("{\"ids\":[\"deepseek\"],\"properties\":[{\"id\":\"founder\"}]}", "he")
                .get("rows")
                .get("deepseek");
        assertEquals(
                "Liang Wenfeng", he.get("founder").get(0).get("name").asString(), "no Hebrew name: the English one");
    }

    @Test
    void figuresAreFloatsAndInferredValuesCount() {
        JsonNode out = extendByForm("{\"ids\":[\"zhejiang-rd-expenditure-2007\",\"unitree-robotics\"],\"properties\":"
                + "[{\"id\":\"value\"},{\"id\":\"unit\"},{\"id\":\"locatedIn\"}]}");
        JsonNode figure = out.get("rows").get("zhejiang-rd-expenditure-2007");
        assertEquals(28.0, figure.get("value").get(0).get("float").asDouble());
        assertEquals("billion yuan", figure.get("unit").get(0).get("str").asString());
        List<String> places = strings(out.get("rows").get("unitree-robotics").get("locatedIn"), "id");
        assertTrue(
                places.containsAll(List.of("binjiang-district", "hangzhou", "zhejiang", "china")),
                "locatedIn is transitive and materialised: " + places);
    }

    @Test
    void unknownIdsGetEmptyRows() {
        JsonNode out =
                extendByForm("{\"ids\":[\"no-such-entity\",\"deepseek\"],\"properties\":[{\"id\":\"founder\"}]}");
        JsonNode row = out.get("rows").get("no-such-entity");
        assertTrue(row.get("founder").isArray() && row.get("founder").isEmpty(), out.toString());
        assertEquals(1, out.get("rows").get("deepseek").get("founder").size());
    }

    @Test
    void badExtendRequestsAre400ProblemJson() {
        for (String bad : List.of(
                "{not json",
                "[]",
                "{\"ids\":\"deepseek\",\"properties\":[]}",
                "{\"ids\":[\"deepseek\"]}",
                "{\"ids\":[\"deepseek\"],\"properties\":[{\"id\":\"noSuchProperty\"}]}",
                "{\"ids\":[\"Not An Id!\"],\"properties\":[{\"id\":\"founder\"}]}",
                "{\"ids\":[42],\"properties\":[{\"id\":\"founder\"}]}",
                "{\"ids\":[\"deepseek\"],\"properties\":[{\"id\":\"founder\",\"settings\":{\"lang\":\"not a tag\"}}]}")) {
            HttpResponse<String> r = postForm(facade("/reconcile"), "application/json", "extend", bad);
            assertEquals(400, r.statusCode(), bad + " -> " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), bad);
        }
        assertEquals(
                400,
                get(facade("/reconcile/properties?type=NoSuchClass"), "application/json")
                        .statusCode());
        assertEquals(
                400,
                get(facade("/reconcile/properties?type=Startup&limit=0"), "application/json")
                        .statusCode());
    }
}
