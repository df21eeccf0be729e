package org.cikg.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Cached entity pages, RDF documents and search follow the data: after a reload of changed files, and after an admin
 * SPARQL Update, the next request shows the change. Runs on its own copy of {@code data/} (its own Spring context),
 * since it edits the files.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PageCacheIT extends ServiceITBase {
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:it-secret".getBytes());
    private static final Path DATA = Path.of("target/it-data", UUID.randomUUID().toString());

    @DynamicPropertySource
    static void ownData(DynamicPropertyRegistry registry) {
        copyTree(Path.of("data"), DATA);
        registry.add("kg.store.data", DATA::toString);
    }

    @Test
    @Order(1)
    void aRepeatedPageIsTheSameBytesAndAnswers304ToItsEtag() {
        HttpResponse<String> first = get(facade("/page/deepseek"), "text/html");
        HttpResponse<String> second = get(facade("/page/deepseek"), "text/html");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(second.body()).isEqualTo(first.body());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(second.headers().firstValue("ETag")).contains(etag);

        HttpResponse<String> notModified = send(HttpRequest.newBuilder(URI.create(facade("/page/deepseek")))
                .header("Accept", "text/html")
                .header("If-None-Match", etag)
                .GET()
                .build());
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();

        HttpResponse<String> otherLanguage = get(facade("/page/deepseek?lang=zh"), "text/html");
        assertThat(otherLanguage.statusCode()).isEqualTo(200);
        assertThat(otherLanguage.headers().firstValue("ETag")).isNotEqualTo(java.util.Optional.of(etag));
        assertThat(get(facade("/page/no-such-entity-here"), "text/html").statusCode())
                .isEqualTo(404);
        assertThat(get(facade("/page/no-such-entity-here"), "text/html").statusCode())
                .isEqualTo(404);
    }

    @Test
    @Order(2)
    void aReloadOfChangedFilesShowsOnTheNextRequest() throws IOException {
        assertThat(get(facade("/page/deepseek"), "text/html").body()).doesNotContain("Reload Probe Name");
        assertThat(get(facade("/data/deepseek.ttl"), "text/turtle").body()).doesNotContain("Reload Probe Name");
        assertThat(get(facade("/api/search?q=reload+probe+name"), "application/json")
                        .body())
                .doesNotContain("Reload Probe Name");

        Files.writeString(DATA.resolve("zz-cache-probe.ttl"), """
                @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
                <https://w3id.org/cikg/id/deepseek> skos:altLabel "Reload Probe Name"@en .
                """);
        HttpResponse<String> reload = send(HttpRequest.newBuilder(URI.create(facade("/admin/reload")))
                .header("Authorization", ADMIN)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(reload.statusCode()).isEqualTo(200);

        assertThat(get(facade("/page/deepseek"), "text/html").body()).contains("Reload Probe Name");
        assertThat(get(facade("/data/deepseek.ttl"), "text/turtle").body()).contains("Reload Probe Name");
        assertThat(get(facade("/api/search?q=reload+probe+name"), "application/json")
                        .body())
                .contains("Reload Probe Name")
                .contains("deepseek");
    }

    @Test
    @Order(3)
    void anAdminUpdateShowsOnTheNextRequest() {
        assertThat(get(facade("/page/deepseek"), "text/html").body()).doesNotContain("Update Probe Name");
        String update = "INSERT DATA { GRAPH <https://w3id.org/cikg/graph/data> { <https://w3id.org/cikg/id/deepseek> "
                + "<http://www.w3.org/2004/02/skos/core#altLabel> \"Update Probe Name\"@en } }";
        HttpResponse<String> r =
                send(HttpRequest.newBuilder(URI.create("http://localhost:" + fuseki.port() + "/kg/update"))
                        .header("Authorization", ADMIN)
                        .header("Content-Type", "application/sparql-update")
                        .POST(HttpRequest.BodyPublishers.ofString(update))
                        .build());
        assertThat(r.statusCode()).isBetween(200, 299);
        assertThat(get(facade("/page/deepseek"), "text/html").body()).contains("Update Probe Name");
        assertThat(get(facade("/data/deepseek.nt"), "application/n-triples").body())
                .contains("Update Probe Name");
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
