package org.cikg.store.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code POST /admin/backup} over HTTP, checked by outside tools: {@code sha256sum -c} and a fresh Jena parse. */
class BackupIT extends ServiceITBase {
    @Autowired
    StoreBackup backups;

    private HttpResponse<String> postBackup(String authorization) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(facade("/admin/backup"))).POST(HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b.build());
    }

    @Test
    void compactionKeepsAnsweringAndNeedsCredentials() {
        HttpResponse<String> anon = send(HttpRequest.newBuilder(URI.create(facade("/admin/compact")))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(anon.statusCode()).isEqualTo(401);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(facade("/admin/compact")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:it-secret".getBytes()))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"after\":\"Data-");
        assertThat(sparql("ASK { <https://w3id.org/cikg/id/eagle-project> ?p ?o }")
                        .body())
                .contains("true");
    }

    @Test
    void backupWithoutCredentialsIs401() {
        HttpResponse<String> r = postBackup(null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().contains("problem+json");
    }

    @Test
    void adminBackupWritesGzipNQuadsThatSha256sumAndJenaAccept() throws Exception {
        HttpResponse<String> r =
                postBackup("Basic " + Base64.getEncoder().encodeToString("admin:it-secret".getBytes()));
        assertThat(r.statusCode()).isEqualTo(200);
        String name = r.body().replaceAll(".*\"file\":\"([^\"]+)\".*", "$1");
        long quads = Long.parseLong(r.body().replaceAll(".*\"quads\":(\\d+).*", "$1"));
        Path file = backups.folder().resolve(name);
        Path sum = backups.folder().resolve(name + ".sha256");
        try {
            assertThat(file).exists();
            Process check = new ProcessBuilder(
                            "sha256sum", "-c", sum.getFileName().toString())
                    .directory(backups.folder().toFile())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor()).as(out).isZero();
            assertThat(out).contains(name + ": OK");

            AtomicLong parsed = new AtomicLong();
            AtomicLong eagle = new AtomicLong();
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                RDFParser.source(in).lang(Lang.NQUADS).parse(new StreamRDFBase() {
                    @Override
                    public void quad(Quad q) {
                        parsed.incrementAndGet();
                        if (q.getSubject().isURI()
                                && q.getSubject().getURI().equals("https://w3id.org/cikg/id/eagle-project")) {
                            eagle.incrementAndGet();
                        }
                    }
                });
            }
            assertThat(parsed.get()).isEqualTo(quads).isGreaterThan(1000);
            assertThat(eagle.get()).isPositive();
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(sum);
        }
    }
}
