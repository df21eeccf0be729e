package org.cikg.store.load;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.cikg.sparql.SystemQuery;
import org.cikg.support.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A disagreement nobody has ranked yet is found at load, not silently added: over the real data plus one file that
 * contradicts it (a founding year and a figure), the load goes through, logs a SHACL warning for each new
 * contradicting statement and none for the disagreements already ranked, and the named question {@code conflicts}
 * lists the new claims beside the old ones, unranked. (That the curated data itself has no unranked disagreement is
 * a golden case of {@code conflicts}.)
 */
class ConflictReportTest {
    private static final String ID = "https://w3id.org/cikg/id/";
    private static final String ST = "https://w3id.org/cikg/statement/";
    private static final String CONTRADICTION = """
            @prefix cikg: <https://w3id.org/cikg/ontology#> .
            @prefix kgid: <https://w3id.org/cikg/id/> .
            @prefix kgst: <https://w3id.org/cikg/statement/> .
            @prefix rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix prov: <http://www.w3.org/ns/prov#> .
            @prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .

            kgid:deepseek cikg:foundingYear "2024"^^xsd:gYear .
            kgst:test-1 a rdf:Statement ;
                rdf:subject kgid:deepseek ; rdf:predicate cikg:foundingYear ; rdf:object "2024"^^xsd:gYear ;
                prov:wasDerivedFrom cikg:EditorialKnowledge ; cikg:certainty "stated" .

            kgid:beijing-5g-base-stations-2025-other a cikg:Indicator ;
                rdfs:label "Cumulative number of 5G base stations in Beijing"@en ;
                cikg:about kgid:beijing ; cikg:value 150000.0 ; cikg:valueQualifier cikg:Exactly ;
                cikg:unit "count" ; cikg:year "2025"^^xsd:gYear .
            kgst:test-2 a rdf:Statement ;
                rdf:subject kgid:beijing-5g-base-stations-2025-other ; rdf:predicate cikg:value ; rdf:object 150000.0 ;
                prov:wasDerivedFrom cikg:EditorialKnowledge ; cikg:certainty "stated" .
            """;

    private final Logger shapeLog = (Logger) LoggerFactory.getLogger(ShapeValidator.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        shapeLog.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        shapeLog.detachAppender(logged);
    }

    @Test
    void aContradictingClaimIsReportedByTheLoadAndListedByTheConflictsQuestion(@TempDir Path tmp) throws Exception {
        try (StoreFixture f = new StoreFixture(tmp, true)) {
            Files.writeString(f.data().resolve("contradiction.ttl"), CONTRADICTION);
            LoadReport report = f.loader.loadIfChanged();
            assertThat(report.loaded())
                    .as("a disagreement is a warning: the load goes through")
                    .isTrue();

            List<String> warnings = logged.list.stream()
                    .filter(e -> e.getLevel() == Level.WARN)
                    .map(ILoggingEvent::getFormattedMessage)
                    .filter(m -> m.contains("Sources disagree"))
                    .toList();
            assertThat(warnings)
                    .anySatisfy(w -> assertThat(w)
                            .contains("deepseek")
                            .contains(ST + "test-1")
                            .contains("2024"));
            assertThat(warnings)
                    .anySatisfy(w -> assertThat(w).contains("5G base stations").contains(ST + "test-2"));
            // The disagreements curators already ranked (DeepSeek's 2019 and 2023, Game Science's two offices)
            // stay quiet: only the unranked side is news.
            assertThat(warnings).noneSatisfy(w -> assertThat(w).contains(ST + "000-6-1"));
            assertThat(warnings).noneSatisfy(w -> assertThat(w).contains("game-science"));

            List<Binding> deepseek = conflicts(f, "deepseek");
            assertThat(deepseek).anySatisfy(b -> {
                assertThat(b.get("statement").getURI()).isEqualTo(ST + "test-1");
                assertThat(b.get("value").getLiteralLexicalForm()).isEqualTo("2024");
                assertThat(b.get("ranked").getLiteralLexicalForm()).isEqualTo("false");
                assertThat(b.get("rank").getURI()).endsWith("#NormalRank");
            });
            assertThat(deepseek).anySatisfy(b -> {
                assertThat(b.get("statement").getURI()).isEqualTo(ST + "000-6-1");
                assertThat(b.get("rank").getURI()).endsWith("#DeprecatedRank");
                assertThat(b.get("paragraph").getLiteralLexicalForm()).isEqualTo("6");
            });
            assertThat(conflicts(f, "beijing"))
                    .anySatisfy(b -> {
                        assertThat(b.get("property").getURI()).endsWith("#value");
                        assertThat(b.get("statement").getURI()).isEqualTo(ST + "test-2");
                        assertThat(b.get("ranked").getLiteralLexicalForm()).isEqualTo("false");
                    })
                    .anySatisfy(b ->
                            assertThat(b.get("indicator").getURI()).isEqualTo(ID + "beijing-5g-base-stations-2025"));
        }
    }

    private static List<Binding> conflicts(StoreFixture f, String slug) {
        Map<String, Node> bindings = new java.util.HashMap<>();
        bindings.put("lang", NodeFactory.createLiteralString("en"));
        if (slug != null) {
            bindings.put("entity", NodeFactory.createURI(ID + slug));
        }
        return f.store
                .runner()
                .select(f.catalog.get(SystemQuery.CONFLICTS), bindings)
                .rows();
    }
}
