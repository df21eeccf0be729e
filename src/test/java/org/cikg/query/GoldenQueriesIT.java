package org.cikg.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue against the curated dataset, data-driven: {@code src/test/resources/golden/{name}.json} holds, for
 * the query of that name, cases written from the articles: the parameters of a call and what its JSON answer must
 * contain. One parameterised method runs every case over HTTP, as a client would.
 *
 * <p>Case format: {@code {"about": "...", "params": {...}, "headers": {...}, "contains": [row...],
 * "excludes": [row...], "minRows": n, "maxRows": n, "firstRow": row}}. A row matches an expected object when
 * every key matches: {@code "col": "x"} compares the cell's value, {@code "col.label": "x"} its label; values are
 * IRIs written in full or as {@code kgid:slug}, {@code cikg:Term}, {@code kgsrc:stem}.
 */
public class GoldenQueriesIT extends ServiceITBase {
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public static Stream<Arguments> cases() throws IOException {
        List<Arguments> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(GOLDEN)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String name = f.getFileName().toString().replaceFirst("\\.json$", "");
                JsonNode cases = JSON.readTree(Files.readString(f)).get("cases");
                for (JsonNode c : cases) {
                    all.add(Arguments.argumentSet(name + ": " + c.get("about").asString(), name, c));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void catalogueQueryAnswersAsTheArticlesSay(String name, JsonNode c) {
        assertCase(this::facade, name, c);
    }

    /**
     * Runs one golden case over HTTP against the facade whose URLs {@code facade} makes, and checks its answer (also
     * used by the store-backend suite, which runs the same cases over a remote store).
     */
    public static void assertCase(java.util.function.Function<String, String> facade, String name, JsonNode c) {
        String title = name + ": " + c.get("about").asString();
        StringJoiner qs = new StringJoiner("&");
        c.get("params")
                .properties()
                .forEach(e -> qs.add(enc(e.getKey()) + "=" + enc(e.getValue().asString())));
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(facade.apply("/api/queries/" + name + "?" + qs)))
                .header("Accept", "application/json")
                .GET();
        if (c.has("headers")) {
            c.get("headers")
                    .properties()
                    .forEach(e -> request.header(e.getKey(), e.getValue().asString()));
        }
        HttpResponse<String> r = send(request.build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Link")).get().asString().contains("/api/queries/" + name + ".rq");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("query").get("name").asString()).isEqualTo(name);
        List<JsonNode> rows = new ArrayList<>();
        body.get("rows").forEach(rows::add);

        for (JsonNode expected : iterable(c, "contains")) {
            assertThat(rows.stream().anyMatch(row -> matches(row, expected)))
                    .as("%s: a row like %s in %s", title, expected, r.body())
                    .isTrue();
        }
        for (JsonNode unexpected : iterable(c, "excludes")) {
            assertThat(rows.stream().noneMatch(row -> matches(row, unexpected)))
                    .as("%s: no row like %s in %s", title, unexpected, r.body())
                    .isTrue();
        }
        if (c.has("firstRow")) {
            assertThat(rows).as(title).isNotEmpty();
            assertThat(matches(rows.get(0), c.get("firstRow")))
                    .as("%s: first row %s", title, rows.get(0))
                    .isTrue();
        }
        if (c.has("minRows")) {
            assertThat(rows.size())
                    .as(title)
                    .isGreaterThanOrEqualTo(c.get("minRows").asInt());
        }
        if (c.has("maxRows")) {
            assertThat(rows.size())
                    .as(title)
                    .isLessThanOrEqualTo(c.get("maxRows").asInt());
        }
    }

    @Test
    void everyCatalogueQueryHasAGoldenCase() throws IOException {
        JsonNode catalogue =
                JSON.readTree(get(facade("/api/queries"), "application/json").body());
        Set<String> listed = new HashSet<>();
        catalogue.get("queries").forEach(q -> listed.add(q.get("name").asString()));
        assertThat(listed).hasSizeGreaterThanOrEqualTo(12);
        for (String name : listed) {
            Path f = GOLDEN.resolve(name + ".json");
            assertThat(f).as("golden file for " + name).exists();
            assertThat(JSON.readTree(Files.readString(f)).get("cases").size())
                    .as(name)
                    .isPositive();
        }
        try (Stream<Path> files = Files.list(GOLDEN)) {
            files.map(p -> p.getFileName().toString().replaceFirst("\\.json$", ""))
                    .forEach(n -> assertThat(listed)
                            .as("golden file without a catalogue query")
                            .contains(n));
        }
    }

    private static Iterable<JsonNode> iterable(JsonNode c, String field) {
        return c.has(field) ? c.get(field) : List.of();
    }

    static boolean matches(JsonNode row, JsonNode expected) {
        for (Map.Entry<String, JsonNode> e : expected.properties()) {
            String key = e.getKey();
            boolean label = key.endsWith(".label");
            String column = label ? key.substring(0, key.length() - 6) : key;
            JsonNode cell = row.get(column);
            if (cell == null) {
                return false;
            }
            JsonNode actual = cell.get(label ? "label" : "value");
            if (actual == null || !actual.asString().equals(expand(e.getValue().asString()))) {
                return false;
            }
        }
        return true;
    }

    static String expand(String v) {
        if (v.startsWith("kgid:")) {
            return "https://w3id.org/cikg/id/" + v.substring(5);
        }
        if (v.startsWith("cikg:")) {
            return "https://w3id.org/cikg/ontology#" + v.substring(5);
        }
        if (v.startsWith("kgsrc:")) {
            return "https://w3id.org/cikg/source/" + v.substring(6);
        }
        return v;
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
