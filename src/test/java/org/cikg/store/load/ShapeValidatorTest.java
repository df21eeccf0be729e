package org.cikg.store.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.system.Txn;
import org.cikg.problem.DataLoadException;
import org.cikg.store.KnowledgeStore;
import org.cikg.support.StoreFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real dataset satisfies ontology/shapes.ttl, and a load with a broken record fails validation, names the
 * record and leaves the store as it was.
 */
class ShapeValidatorTest {
    private static final String PREFIXES = """
            @prefix cikg: <https://w3id.org/cikg/ontology#> .
            @prefix kgid: <https://w3id.org/cikg/id/> .
            @prefix kgsrc: <https://w3id.org/cikg/source/> .
            @prefix kgst: <https://w3id.org/cikg/statement/> .
            @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            @prefix prov: <http://www.w3.org/ns/prov#> .
            """;

    @TempDir
    static Path tmp;

    static StoreFixture fixture;
    static LoadReport good;

    /** One store over the real data for all tests; each broken record is added, must fail, and is removed. */
    @BeforeAll
    static void loadRealData() throws Exception {
        fixture = new StoreFixture(tmp, true);
        good = fixture.loader.load(true);
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @Test
    void realDatasetHasZeroViolations() {
        assertThat(good.loaded()).isTrue();
        ShapeValidator.Result result =
                Txn.calculateRead(fixture.store.dataset(), () -> ShapeValidator.validate(fixture.store.dataset()));
        assertThat(result.violations()).isEmpty();
        assertThat(result.conforms()).isTrue();
    }

    @Test
    void paragraphBeyondTheSourceLineCountFailsTheLoad() throws Exception {
        assertBrokenRecordFailsTheLoad("""
                kgid:deepseek cikg:foundingYear "2023"^^xsd:gYear .
                kgst:004-99-1 a rdf:Statement ;
                    rdf:subject kgid:deepseek ; rdf:predicate cikg:foundingYear ; rdf:object "2023"^^xsd:gYear ;
                    prov:wasDerivedFrom kgsrc:004_184092115e918c69 ; cikg:paragraph 99 ; cikg:certainty "stated" .
                """, "kgst:004-99-1", "cikg:paragraph 99 lies outside the source document");
    }

    @Test
    void secondEnglishLabelFailsTheLoad() throws Exception {
        assertBrokenRecordFailsTheLoad("""
                kgid:deepseek rdfs:label "Deep Seek AI"@en .
                """, "kgid:deepseek", "Deep Seek AI");
    }

    @Test
    void secondEnglishGlossFailsTheLoad() throws Exception {
        assertBrokenRecordFailsTheLoad("""
                kgid:unitree-robotics rdfs:comment "A second, competing English gloss."@en .
                """, "kgid:unitree-robotics", "at most one rdfs:comment");
    }

    @Test
    void glossInAnotherLanguageBesideTheEnglishOnePasses() throws Exception {
        Path extra = fixture.data().resolve("zz-french-gloss.ttl");
        Files.writeString(extra, PREFIXES + """
                kgid:unitree-robotics rdfs:comment "Fabricant de robots quadrupèdes et humanoïdes à Hangzhou."@fr .
                """);
        try {
            assertThat(fixture.loader.load(true).loaded()).isTrue();
        } finally {
            Files.delete(extra);
            fixture.loader.load(true);
        }
        assertThat(fixture.store.status().hash()).isEqualTo(good.hash());
    }

    @Test
    void indicatorValueThatIsNotDecimalFailsTheLoad() throws Exception {
        assertBrokenRecordFailsTheLoad("""
                kgid:hangzhou-test-count-2024 a cikg:Indicator ; rdfs:label "Test count"@en ;
                    cikg:about kgid:hangzhou ; cikg:value "many" ; cikg:unit "count" ; cikg:year "2024"^^xsd:gYear .
                kgst:004-3-99 a rdf:Statement ;
                    rdf:subject kgid:hangzhou-test-count-2024 ; rdf:predicate cikg:value ; rdf:object "many" ;
                    prov:wasDerivedFrom kgsrc:004_184092115e918c69 ; cikg:paragraph 3 ; cikg:certainty "stated" .
                """, "kgid:hangzhou-test-count-2024", "xsd:decimal");
    }

    @Test
    void indicatorWithoutStatementFailsTheLoad() throws Exception {
        assertBrokenRecordFailsTheLoad(
                """
                kgid:hangzhou-unsourced-count-2024 a cikg:Indicator ; rdfs:label "Unsourced count"@en ;
                    cikg:about kgid:hangzhou ; cikg:value 12.0 ; cikg:unit "count" ; cikg:year "2024"^^xsd:gYear ;
                    cikg:valueQualifier cikg:Exactly .
                """, "kgid:hangzhou-unsourced-count-2024", "must be backed by at least one rdf:Statement");
    }

    @Test
    void sourcedStatementWithoutParagraphFailsTheLoad() throws Exception {
        assertBrokenRecordFailsTheLoad("""
                kgid:deepseek cikg:headquarteredIn kgid:hangzhou .
                kgst:004-5-97 a rdf:Statement ;
                    rdf:subject kgid:deepseek ; rdf:predicate cikg:headquarteredIn ; rdf:object kgid:hangzhou ;
                    prov:wasDerivedFrom kgsrc:004_184092115e918c69 ; cikg:certainty "stated" .
                """, "kgst:004-5-97", "must give the cikg:paragraph");
    }

    @Test
    void editorialStatementWithParagraphFailsTheLoad() throws Exception {
        assertBrokenRecordFailsTheLoad("""
                kgid:deepseek cikg:headquarteredIn kgid:hangzhou .
                kgst:editorial-test-1 a rdf:Statement ;
                    rdf:subject kgid:deepseek ; rdf:predicate cikg:headquarteredIn ; rdf:object kgid:hangzhou ;
                    prov:wasDerivedFrom cikg:EditorialKnowledge ; cikg:paragraph 3 ; cikg:certainty "stated" .
                """, "kgst:editorial-test-1", "must not have a cikg:paragraph");
    }

    @Test
    void statementWithoutSourceFailsTheLoad() throws Exception {
        assertBrokenRecordFailsTheLoad("""
                kgid:deepseek cikg:headquarteredIn kgid:hangzhou .
                kgst:004-5-99 a rdf:Statement ;
                    rdf:subject kgid:deepseek ; rdf:predicate cikg:headquarteredIn ; rdf:object kgid:hangzhou ;
                    cikg:paragraph 5 ; cikg:certainty "stated" .
                """, "kgst:004-5-99", "prov:wasDerivedFrom");
    }

    @Test
    void statementWithoutPlainTripleFailsTheLoad() throws Exception {
        assertBrokenRecordFailsTheLoad("""
                kgst:004-5-98 a rdf:Statement ;
                    rdf:subject kgid:deepseek ; rdf:predicate cikg:founder ; rdf:object kgid:hangzhou ;
                    prov:wasDerivedFrom kgsrc:004_184092115e918c69 ; cikg:paragraph 5 ; cikg:certainty "stated" .
                """, "kgst:004-5-98", "must also be asserted as a plain triple");
    }

    @Test
    void goodLoadAfterARejectedLoadSucceeds() throws Exception {
        assertBrokenRecordFailsTheLoad("""
                kgid:deepseek rdfs:label "Deepseek Again"@en .
                """, "kgid:deepseek", "Deepseek Again");
        LoadReport again = fixture.loader.load(true);
        assertThat(again.loaded()).isTrue();
        assertThat(again.hash()).isEqualTo(good.hash());
        assertThat(again.totalTriples()).isEqualTo(good.totalTriples());
    }

    private static void assertBrokenRecordFailsTheLoad(String turtle, String focus, String message) throws Exception {
        Path broken = fixture.data().resolve("zz-broken.ttl");
        Files.writeString(broken, PREFIXES + turtle);
        try {
            assertThatThrownBy(() -> fixture.loader.load(true))
                    .isInstanceOf(DataLoadException.class)
                    .hasMessageContaining("SHACL validation failed")
                    .hasMessageContaining(focus)
                    .hasMessageContaining(message);
        } finally {
            Files.delete(broken);
        }
        KnowledgeStore.StoreStatus after = fixture.store.status();
        assertThat(after.hash()).isEqualTo(good.hash());
        assertThat(after.triples()).isEqualTo(good.totalTriples());
    }
}
