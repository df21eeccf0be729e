package org.cikg.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.cikg.config.KgProperties;
import org.cikg.sparql.QueryCatalog;
import org.cikg.store.KnowledgeStore;
import org.cikg.store.load.DataLoader;
import org.cikg.store.load.StoreLoaded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index kept on disk next to the store: reopened while the data is unchanged, rebuilt once it changes. */
class SearchIndexPersistenceTest {
    private static final String UNITREE = "https://w3id.org/cikg/id/unitree-robotics";

    @Test
    void aRestartOverAnUnchangedStoreOpensTheIndexAndALoadReplacesIt(@TempDir Path tmp) throws IOException {
        Path ontology = Files.createDirectories(tmp.resolve("ontology"));
        Path data = Files.createDirectories(tmp.resolve("data"));
        try (Stream<Path> files = Files.list(Path.of("ontology"))) {
            for (Path f : files.toList()) {
                Files.copy(f, ontology.resolve(f.getFileName()));
            }
        }
        try (InputStream in = getClass().getResourceAsStream("/fixture/mini.ttl")) {
            Files.copy(in, data.resolve("mini.ttl"));
        }
        KgProperties props = new KgProperties(
                new KgProperties.Store(tmp.resolve("tdb2"), ontology, data),
                new KgProperties.Sparql(Duration.ofSeconds(10), Path.of("queries")),
                new KgProperties.Fuseki(false, 0),
                new KgProperties.Admin("admin", ""));
        QueryCatalog catalog = new QueryCatalog(props);
        KnowledgeStore store = new KnowledgeStore(props, catalog);
        try {
            SearchIndex first = new SearchIndex(store, catalog, props);
            DataLoader loader = new DataLoader(store, props, catalog, e -> first.onLoad((StoreLoaded) e));
            loader.loadIfChanged();
            assertThat(first.openedFromDisk()).isFalse();
            assertThat(hits(first, "unitree")).containsExactly(UNITREE);
            Path folder = props.store().location().resolve(SearchIndex.FOLDER);
            assertThat(subfolders(folder)).hasSize(1);

            // A second process over the same store: nothing changed, so the index is opened, not rebuilt.
            SearchIndex restarted = new SearchIndex(store, catalog, props);
            restarted.refresh();
            assertThat(restarted.openedFromDisk()).isTrue();
            assertThat(restarted.indexedVersion()).isEqualTo(first.indexedVersion());
            assertThat(restarted.size()).isEqualTo(first.size());
            assertThat(hits(restarted, "unitree")).containsExactly(UNITREE);
            assertThat(hits(restarted, "Unitre Robotic")).containsExactly(UNITREE);

            // Changed files: the load builds a new index, and the old one's folder goes.
            Files.writeString(data.resolve("more.ttl"), """
                    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                    @prefix cikg: <https://w3id.org/cikg/ontology#> .
                    <https://w3id.org/cikg/id/zhipu-ai> a cikg:Startup ; rdfs:label "Zhipu AI"@en .
                    """);
            loader.loadIfChanged();
            assertThat(first.openedFromDisk()).isFalse();
            assertThat(first.indexedVersion()).isNotEqualTo(restarted.indexedVersion());
            assertThat(hits(first, "zhipu")).containsExactly("https://w3id.org/cikg/id/zhipu-ai");
            assertThat(subfolders(folder)).hasSize(1);

            SearchIndex third = new SearchIndex(store, catalog, props);
            third.refresh();
            assertThat(third.openedFromDisk()).isTrue();
            assertThat(hits(third, "zhipu")).containsExactly("https://w3id.org/cikg/id/zhipu-ai");
        } finally {
            store.destroy();
        }
    }

    private static List<String> hits(SearchIndex index, String q) {
        return index.search(q, null, 10).stream().map(SearchIndex.Hit::entity).toList();
    }

    private static List<Path> subfolders(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.toList();
        }
    }
}
