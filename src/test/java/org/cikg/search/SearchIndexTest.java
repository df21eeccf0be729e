package org.cikg.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index over the real ontology and data, in a temporary TDB2 store, without Spring. */
class SearchIndexTest {
    private static final String ID = "https://w3id.org/cikg/id/";
    private static final String CIKG = "https://w3id.org/cikg/ontology#";

    @TempDir
    static Path tmp;

    static KnowledgeStore store;
    static DataLoader loader;
    static SearchIndex index;

    @BeforeAll
    static void load() throws IOException {
        Path data = tmp.resolve("data");
        copyTree(Path.of("data"), data);
        KgProperties props = new KgProperties(
                new KgProperties.Store(tmp.resolve("tdb2"), Path.of("ontology"), data),
                new KgProperties.Sparql(Duration.ofSeconds(10), Path.of("queries")),
                new KgProperties.Fuseki(false, 0),
                new KgProperties.Admin("admin", ""));
        QueryCatalog catalog = new QueryCatalog(props);
        store = new KnowledgeStore(props, catalog);
        index = new SearchIndex(store, catalog);
        loader = new DataLoader(store, props, catalog, event -> index.onLoad((StoreLoaded) event));
        loader.loadIfChanged();
    }

    @AfterAll
    static void close() {
        store.destroy();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static List<SearchIndex.Hit> search(String q) {
        return index.search(q, null, 10);
    }

    private static String first(String q) {
        List<SearchIndex.Hit> hits = search(q);
        assertThat(hits).as("hits for '%s'", q).isNotEmpty();
        return hits.get(0).entity();
    }

    @Test
    void findsUnitreeFromLowerCaseFirstWord() {
        assertThat(first("unitree")).isEqualTo(ID + "unitree-robotics");
    }

    @Test
    void findsUnitreeFromATypo() {
        assertThat(first("Unitre")).isEqualTo(ID + "unitree-robotics");
        assertThat(first("Unitrea Robotics")).isEqualTo(ID + "unitree-robotics");
    }

    @Test
    void findsUnitreeFromItsArabicNameAndSaysWhichNameMatched() {
        SearchIndex.Hit hit = search("يونيتري روبوتيكس").get(0);
        assertThat(hit.entity()).isEqualTo(ID + "unitree-robotics");
        assertThat(hit.lang()).isEqualTo("ar");
        assertThat(hit.name()).isEqualTo("يونيتري روبوتيكس");
    }

    @Test
    void findsUnitreeFromTheMisspelledFrenchAltLabel() {
        SearchIndex.Hit hit = search("Uniree Robotics").get(0);
        assertThat(hit.entity()).isEqualTo(ID + "unitree-robotics");
        assertThat(hit.name()).isEqualTo("Uniree Robotics");
        assertThat(hit.lang()).isEqualTo("fr");
        assertThat(hit.property()).isEqualTo("http://www.w3.org/2004/02/skos/core#altLabel");
    }

    @Test
    void findsDeepSeekFromItsArabicName() {
        assertThat(first("ديب سيك")).isEqualTo(ID + "deepseek");
    }

    @Test
    void arabicWithDiacriticsStillMatches() {
        assertThat(first("دِيبْ سِيك")).isEqualTo(ID + "deepseek");
        assertThat(first("يُونِيتْرِي")).isEqualTo(ID + "unitree-robotics");
    }

    @Test
    void hebrewWithNiqqudStillMatches() {
        assertThat(first("שַׁנְגְחַאי")).isEqualTo(ID + "shanghai");
    }

    @Test
    void fullWidthAndUpperCaseMatch() {
        assertThat(first("ＵＮＩＴＲＥＥ")).isEqualTo(ID + "unitree-robotics");
    }

    @Test
    void exactMatchRanksAboveNamesThatOnlyStartWithTheQuery() {
        List<SearchIndex.Hit> hits = search("Hangzhou");
        assertThat(hits.size()).isGreaterThan(1);
        assertThat(hits.get(0).entity()).isEqualTo(ID + "hangzhou");
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
        // DeepSeek is exactly a name of one entity and the start of others (products, long Arabic names).
        List<SearchIndex.Hit> deep = search("DeepSeek");
        assertThat(deep.get(0).entity()).isEqualTo(ID + "deepseek");
        assertThat(deep.get(0).lang()).isEqualTo("en");
    }

    @Test
    void prefixRanksAboveFuzzy() {
        // "unitre" is a prefix of Unitree's names and only a typo away from anything else it meets.
        List<SearchIndex.Hit> hits = search("Unitre");
        assertThat(hits.get(0).score()).isGreaterThanOrEqualTo(SearchIndex.PREFIX);
        hits.stream()
                .filter(h -> !h.entity().startsWith(ID + "unitree"))
                .forEach(h -> assertThat(h.score()).isLessThan(hits.get(0).score()));
    }

    @Test
    void mostSpecificTypeIsReported() {
        SearchIndex.Hit hit = search("unitree robotics").get(0);
        assertThat(hit.type()).isEqualTo(CIKG + "Startup");
    }

    @Test
    void typeFilterIncludesSubclassesAndExcludesOthers() {
        assertThat(index.search("unitree", CIKG + "Startup", 10))
                .extracting(SearchIndex.Hit::entity)
                .contains(ID + "unitree-robotics");
        assertThat(index.search("unitree", CIKG + "Organization", 10))
                .extracting(SearchIndex.Hit::entity)
                .contains(ID + "unitree-robotics");
        assertThat(index.search("unitree", CIKG + "Person", 10))
                .extracting(SearchIndex.Hit::entity)
                .doesNotContain(ID + "unitree-robotics");
    }

    @Test
    void oneHitPerEntityAndTheLimitHolds() {
        List<SearchIndex.Hit> hits = index.search("Hangzhou", null, 3);
        assertThat(hits).hasSize(3);
        assertThat(hits).extracting(SearchIndex.Hit::entity).doesNotHaveDuplicates();
    }

    @Test
    void queryWithoutWordsFindsNothing() {
        assertThat(search("?!")).isEmpty();
    }

    @Test
    void reloadWithNewDataRebuildsTheIndex() throws IOException {
        String before = index.indexedHash();
        assertThat(search("Zyxwvu Quantum Widgets")).isEmpty();
        Path extra = tmp.resolve("data").resolve("zz-search-test.ttl");
        Files.writeString(extra, """
                @prefix cikg: <https://w3id.org/cikg/ontology#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                <https://w3id.org/cikg/id/zyxwvu-quantum> a cikg:Startup ;
                    rdfs:label "Zyxwvu Quantum Widgets"@en .
                """);
        try {
            loader.loadIfChanged();
            assertThat(index.indexedHash())
                    .isNotEqualTo(before)
                    .isEqualTo(store.status().hash());
            assertThat(first("zyxwvu quantum")).isEqualTo(ID + "zyxwvu-quantum");
        } finally {
            Files.delete(extra);
            loader.loadIfChanged();
        }
        assertThat(search("Zyxwvu Quantum Widgets")).isEmpty();
    }
}
