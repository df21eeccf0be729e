package org.cikg.store.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cikg.CikgApplication;
import org.cikg.store.KnowledgeStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The whole application refuses to start on a bad data file, naming it, and the old store still answers. */
class BadDataStopsStartupTest {

    private static ConfigurableApplicationContext start(Path store, Path data) {
        return new SpringApplicationBuilder(CikgApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--kg.store.location=" + store,
                        "--kg.store.data=" + data,
                        "--kg.fuseki.enabled=false",
                        // the gazetteer hangs on the curated data (China, the curated places), not on this fixture
                        "--kg.store.gazetteer=none");
    }

    @Test
    void startUpStopsWithFileAndLineAndPreviousStoreSurvives(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(
                data.resolve("good.ttl"),
                "<https://w3id.org/cikg/id/good> <http://www.w3.org/2000/01/rdf-schema#label> \"Good\"@en .\n");
        long before;
        try (ConfigurableApplicationContext ctx = start(store, data)) {
            before = ctx.getBean(KnowledgeStore.class).status().triples();
        }
        Files.writeString(data.resolve("zz-bad.ttl"), "<https://w3id.org/cikg/id/bad> <urn:p> .\n");
        assertThatThrownBy(() -> start(store, data))
                .rootCause()
                .hasMessageContaining("zz-bad.ttl")
                .hasMessageContaining("line 1");

        Files.delete(data.resolve("zz-bad.ttl"));
        try (ConfigurableApplicationContext ctx = start(store, data)) {
            KnowledgeStore.StoreStatus s = ctx.getBean(KnowledgeStore.class).status();
            assertThat(s.triples()).isEqualTo(before);
        }
    }
}
