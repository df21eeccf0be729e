package org.cikg.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.cikg.config.KgProperties;
import org.cikg.sparql.QueryCatalog;
import org.cikg.store.KnowledgeStore;
import org.cikg.store.load.DataLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed {@code docs/coverage.md} is what the report queries say about the real {@code ontology/} and
 * {@code data/} (a golden file). After changing data or reports, regenerate it with the {@code coverage} command, or
 * run this test with {@code -Dcoverage.write=true}.
 */
class CoverageReportTest {
    private static final Path GOLDEN = Path.of("docs", "coverage.md");

    @TempDir
    static Path tmp;

    static KnowledgeStore store;
    static CoverageReport report;
    static String markdown;

    @BeforeAll
    static void loadRealData() {
        KgProperties props = new KgProperties(
                new KgProperties.Store(tmp.resolve("tdb2"), Path.of("ontology"), Path.of("data"))
                        .withGazetteer(KgProperties.Gazetteer.COUNTIES),
                new KgProperties.Sparql(Duration.ofSeconds(30), Path.of("queries")),
                new KgProperties.Fuseki(false, 0),
                new KgProperties.Admin("admin", ""));
        QueryCatalog catalog = new QueryCatalog(props);
        store = new KnowledgeStore(props, catalog);
        new DataLoader(store, props, catalog).load(true);
        report = new CoverageReport(store, catalog);
        markdown = report.markdown();
    }

    @AfterAll
    static void close() {
        store.destroy();
    }

    @Test
    void committedCoverageFileMatchesTheData() throws Exception {
        if (Boolean.getBoolean("coverage.write")) {
            Files.writeString(GOLDEN, markdown, StandardCharsets.UTF_8);
        }
        assertThat(GOLDEN).exists();
        assertThat(Files.readString(GOLDEN, StandardCharsets.UTF_8))
                .as("docs/coverage.md is stale: regenerate it with `java -jar target/cikg-*.jar coverage`")
                .isEqualTo(markdown);
    }

    @Test
    void everyReportQueryHasASectionWithRows() {
        assertThat(report.queries())
                .extracting(q -> q.name())
                .contains(
                        "reports/10-per-article",
                        "reports/20-entities-by-class",
                        "reports/30-claims-by-predicate",
                        "reports/40-labels-by-language",
                        "reports/50-statements-by-certainty",
                        "reports/60-editorial-vs-sourced",
                        "reports/70-indicators-by-article");
        for (var q : report.queries()) {
            assertThat(markdown).contains("## " + q.title());
        }
        assertThat(markdown)
                .contains("| 004_184092115e918c69.txt | fr |")
                .contains("| cikg:Startup |")
                .contains("| stated |")
                .contains("| editorial | cikg:EditorialKnowledge |");
    }

    @Test
    void reportQueriesStayOutOfThePublicCatalogue() {
        assertThat(report.queries()).isNotEmpty().allMatch(q -> q.internal());
    }
}
