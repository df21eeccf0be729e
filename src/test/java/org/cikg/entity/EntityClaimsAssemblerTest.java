package org.cikg.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.junit.jupiter.api.Test;

/** What a page adds from the claims, on a small graph shaped as {@code entity-graph.rq} returns it. */
class EntityClaimsAssemblerTest {
    private static final String GRAPH = """
            @prefix cikg: <https://w3id.org/cikg/ontology#> .
            @prefix kgid: <https://w3id.org/cikg/id/> .
            @prefix kgsrc: <https://w3id.org/cikg/source/> .
            @prefix kgst: <https://w3id.org/cikg/statement/> .
            @prefix rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            @prefix prov: <http://www.w3.org/ns/prov#> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .

            kgid:programme a cikg:Policy ; rdfs:label "Programme"@en ;
                cikg:beneficiary kgid:firm-a , kgid:firm-b ; cikg:startYear "2010"^^xsd:gYear .
            kgid:firm-a rdfs:label "Firm A"@en .
            kgid:firm-b rdfs:label "Firm B"@en .
            cikg:startYear rdfs:label "start year"@en .
            kgid:programme-size a cikg:Indicator ; rdfs:label "Firms supported"@en ; cikg:about kgid:programme ;
                cikg:value 1200.0 ; cikg:unit "count" ; cikg:countOf cikg:beneficiary ;
                cikg:valueQualifier cikg:AtLeast .
            cikg:AtLeast skos:notation "≥" ; rdfs:label "At least"@en .
            kgst:s1 a rdf:Statement ; rdf:subject kgid:programme-size ; rdf:predicate cikg:value ; rdf:object 1200.0 ;
                prov:wasDerivedFrom kgsrc:001_x ; cikg:paragraph 4 ; cikg:certainty "stated" .
            kgst:s2 a rdf:Statement ; rdf:subject kgid:programme ; rdf:predicate cikg:startYear ;
                rdf:object "2010"^^xsd:gYear ; prov:wasDerivedFrom kgsrc:001_x ; cikg:paragraph 2 ;
                cikg:certainty "stated" ; cikg:rank cikg:PreferredRank ; cikg:rankReason "the decree"@en .
            kgst:s3 a rdf:Statement ; rdf:subject kgid:programme ; rdf:predicate cikg:startYear ;
                rdf:object "2011"^^xsd:gYear ; prov:wasDerivedFrom cikg:EditorialKnowledge ; cikg:certainty "stated" .
            cikg:PreferredRank rdfs:label "Preferred"@en .
            kgsrc:001_x dcterms:title "An article"@en ; dcterms:language "he" ; dcterms:date "2026-03-02"^^xsd:date ;
                dcterms:publisher kgid:outlet-b , kgid:outlet-a .
            kgid:outlet-a rdfs:label "Outlet A"@en .
            kgid:outlet-b rdfs:label "Outlet B"@en .
            """;

    private final Model m = ModelFactory.createDefaultModel().read(new StringReader(GRAPH), null, "TTL");
    private final Resource programme = m.getResource("https://w3id.org/cikg/id/programme");

    private EntityClaims claims() {
        EntityPageAssembler page = new EntityPageAssembler(m, programme, Set.of(), LabelLanguage.ENGLISH);
        String start = "https://w3id.org/cikg/ontology#startYear";
        return new EntityClaimsAssembler(m, programme, LabelLanguage.ENGLISH, page)
                .assemble(List.of(
                        new EntityClaimsAssembler.Disputed("https://w3id.org/cikg/statement/s2", start, null, null),
                        new EntityClaimsAssembler.Disputed("https://w3id.org/cikg/statement/s3", start, null, null)));
    }

    @Test
    void aCountClaimShowsItsBoundedCountBesideTheEntitiesTheGraphNames() {
        EntityClaims c = claims();
        assertThat(c.silences()).singleElement().satisfies(s -> {
            assertThat(s.reported()).isEqualTo("≥ 1,200");
            assertThat(s.named()).extracting(Link::text).containsExactly("Firm A", "Firm B");
            assertThat(s.unnamed()).isTrue();
            assertThat(s.sources())
                    .singleElement()
                    .satisfies(src -> assertThat(src.paragraph()).isEqualTo(4));
        });
        assertThat(c.sign("/page/programme-size")).isEqualTo("≥ ");
        assertThat(c.boundName("/page/programme-size")).isEqualTo("At least");
        assertThat(c.sign("/page/firm-a")).isEmpty();
    }

    @Test
    void disagreeingClaimsComePreferredFirstWithRankReasonAndSource() {
        EntityClaims c = claims();
        assertThat(c.disagreements()).singleElement().satisfies(d -> {
            assertThat(d.topic()).isEqualTo("start year");
            assertThat(d.claims()).extracting(cl -> cl.value().text()).containsExactly("2010", "2011");
            assertThat(d.claims().get(0).rank()).isEqualTo("preferred");
            assertThat(d.claims().get(0).reason()).isEqualTo("the decree");
            assertThat(d.claims().get(1).rank()).isEqualTo("normal");
            assertThat(d.claims().get(1).ranked()).isFalse();
            assertThat(d.claims().get(1).source().editorial()).isTrue();
        });
        assertThat(c.isDisputed("start year", "2011")).isTrue();
        assertThat(c.isDisputed("start year", "2012")).isFalse();
    }

    @Test
    void aSourceShowsItsLanguageOutletsAndDate() {
        assertThat(claims().meta("/source/001_x")).isEqualTo("Hebrew · Outlet A, Outlet B · 2026-03-02");
        assertThat(claims().meta(null)).isNull();
    }
}
