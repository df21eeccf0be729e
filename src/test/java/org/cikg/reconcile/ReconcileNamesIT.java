package org.cikg.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reconciliation of organisation names as spreadsheets carry them, legal forms and all, in several scripts; the
 * features that say why a candidate matched; and a batch in which one query is bad.
 */
class ReconcileNamesIT extends ServiceITBase {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Legal names and the entity each is; five organisations, Latin, Chinese, Russian and Arabic legal forms. */
    private static final Map<String, String> LEGAL = new LinkedHashMap<>();

    static {
        LEGAL.put("Tencent Holdings Ltd.", "tencent");
        LEGAL.put("腾讯控股有限公司", "tencent");
        LEGAL.put("Alibaba Group Holding Limited", "alibaba-group");
        LEGAL.put("شركة علي بابا", "alibaba-group");
        LEGAL.put("BYD Company Limited", "byd");
        LEGAL.put("比亚迪股份有限公司", "byd");
        LEGAL.put("Xiaomi Corporation", "xiaomi");
        LEGAL.put("小米集团", "xiaomi");
        LEGAL.put("ByteDance Ltd.", "bytedance");
        LEGAL.put("ООО Байтдэнс", "bytedance");
    }

    private JsonNode reconcile(String queries) {
        HttpResponse<String> r = postForm(facade("/reconcile"), "application/json", "queries", queries);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String feature(JsonNode candidate, String id) {
        for (JsonNode f : candidate.get("features")) {
            if (f.get("id").asString().equals(id)) {
                return f.get("value").asString();
            }
        }
        return null;
    }

    @Test
    void legalFormVariantsOfFiveOrganisationsMatch() {
        ObjectNode batch = JSON.createObjectNode();
        int i = 0;
        for (String name : LEGAL.keySet()) {
            batch.putObject("q" + i++).put("query", name).put("type", "Organization");
        }
        JsonNode answer = reconcile(batch.toString());
        i = 0;
        for (Map.Entry<String, String> e : LEGAL.entrySet()) {
            JsonNode top = answer.get("q" + i++).get("result").get(0);
            assertThat(top.get("id").asString()).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(top.get("match").asBoolean())
                    .as(e.getKey() + " is a match: " + top)
                    .isTrue();
            assertThat(top.get("score").asDouble()).as(e.getKey()).isGreaterThanOrEqualTo(Reconciler.STRIPPED_EXACT);
            assertThat(feature(top, "suffix_stripped"))
                    .as(e.getKey() + ": " + top)
                    .isEqualTo("true");
            assertThat(feature(top, "type")).as(e.getKey()).isEqualTo("true");
        }
    }

    @Test
    void featuresSayWhetherTheNameOrAnAliasMatched() {
        JsonNode answer = reconcile("{\"q0\":{\"query\":\"Tencent\"},\"q1\":{\"query\":\"Дипсик\"}}");
        JsonNode tencent = answer.get("q0").get("result").get(0);
        assertThat(tencent.get("id").asString()).isEqualTo("tencent");
        assertThat(feature(tencent, "name")).isEqualTo("1.0");
        assertThat(feature(tencent, "alias")).isEqualTo("false");
        assertThat(feature(tencent, "suffix_stripped")).isEqualTo("false");
        JsonNode deepseek = answer.get("q1").get("result").get(0);
        assertThat(deepseek.get("id").asString()).isEqualTo("deepseek");
        assertThat(feature(deepseek, "alias")).isEqualTo("true");
    }

    @Test
    void aBatchWithOneBadTypeAnswersTheOthers() {
        JsonNode answer = reconcile("{\"q0\":{\"query\":\"Tencent\"},"
                + "\"q1\":{\"query\":\"DeepSeek\",\"type\":\"NoSuchClass\"},"
                + "\"q2\":{\"query\":\"Unitree Robotics\",\"limit\":0},"
                + "\"q3\":{\"query\":\"深度求索\"}}");
        assertThat(answer.get("q0").get("result").get(0).get("id").asString()).isEqualTo("tencent");
        assertThat(answer.get("q3").get("result").get(0).get("id").asString()).isEqualTo("deepseek");
        for (String bad : new String[] {"q1", "q2"}) {
            assertThat(answer.get(bad).get("result").size()).isZero();
            JsonNode error = answer.get(bad).get("error");
            assertThat(error.get("status").asInt()).isEqualTo(400);
            assertThat(error.get("detail").asString()).contains("'" + bad + "'");
        }
        assertThat(answer.get("q1").get("error").get("detail").asString()).contains("NoSuchClass");
    }
}
