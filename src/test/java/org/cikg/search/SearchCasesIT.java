package org.cikg.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search cases of {@code src/test/resources/search/cases.tsv} (what a person types, and the entity that must
 * come first), asked over HTTP of the whole service with the real data and the gazetteer: names in English, pinyin
 * with and without tones and spaces, simplified and traditional Chinese, Russian, Arabic and Hebrew (with and without
 * vowel marks), French, legal forms, prefixes and typos. Every failing case is reported, not just the first.
 */
class SearchCasesIT extends ServiceITBase {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Case(String query, String expected, String type, String note) {}

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/search/cases.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            out.add(new Case(f[0], f[1], f.length > 2 ? f[2] : "", f.length > 3 ? f[3] : ""));
        }
        return out;
    }

    @Test
    void everyCaseFindsItsEntityFirst() throws IOException {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            String url = facade("/api/search?q=" + enc(c.query()) + "&limit=3"
                    + (c.type().isEmpty() ? "" : "&type=" + enc(c.type())));
            HttpResponse<String> r = get(url, "application/json");
            if (r.statusCode() != 200) {
                failures.add(c.query() + " -> HTTP " + r.statusCode());
                continue;
            }
            JsonNode results = JSON.readTree(r.body()).get("results");
            List<String> got = new ArrayList<>();
            results.forEach(x -> got.add(x.get("slug").asString()));
            if (got.isEmpty() || !got.get(0).equals(c.expected())) {
                failures.add(c.query() + " -> " + got + ", expected " + c.expected() + " (" + c.note() + ")");
            }
        }
        assertThat(failures)
                .as(failures.size() + " of " + cases.size() + " cases failed")
                .isEmpty();
    }
}
