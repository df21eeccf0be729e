package org.cikg.curation;

import static org.cikg.core.Namespaces.CIKG;
import static org.cikg.core.Namespaces.KGID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proposals on two short articles of our own (src/test/resources/curation/articles: French and Russian, about
 * made-up companies the graph does not hold): the new companies, founders and places are proposed with a class and a
 * slug, the founder, founding year and seat come back as claims with their cue, figures with unit, bound and year,
 * hedges name their cue, and no place claim the official tree contradicts is proposed ("Hangzhou is the capital of
 * Beijing").
 */
class ProposerTest {
    private static Proposer proposer;

    @BeforeAll
    static void read() {
        CurationGraph graph = CurationGraph.read(Path.of("ontology"), Path.of("data"), Path.of("queries/inference"));
        proposer = new Proposer(graph, GazetteerIndex.read(ArticleReviewer.GAZETTEER));
    }

    private static Proposer.Proposals propose(String file, String lang) {
        return proposer.propose(CurationCommand.readLines(Path.of("src/test/resources/curation/articles", file)), lang);
    }

    private static Optional<Proposer.NewEntity> entity(Proposer.Proposals p, String surface) {
        return p.entities().stream().filter(e -> e.surfaces().contains(surface)).findFirst();
    }

    private static Optional<Proposer.Proposal> claim(Proposer.Proposals p, String s, String pred, String o) {
        return p.claims().stream()
                .filter(c -> c.subject().equals(s)
                        && c.predicate().equals(CIKG + pred)
                        && c.object().equals(o))
                .findFirst();
    }

    @Test
    void frenchArticleAboutUnknownCompany() {
        Proposer.Proposals p = propose("fr-lumiere.txt", "fr");
        Proposer.NewEntity company = entity(p, "Lumière Robotique SA").orElseThrow(() -> new AssertionError(p));
        assertEquals(CIKG + "Company", company.cls());
        assertEquals(KGID + "lumiere-robotique", company.iri(), "the legal form is not part of the slug");
        Proposer.NewEntity founder = entity(p, "Claire Vasseur").orElseThrow(() -> new AssertionError(p));
        assertEquals(CIKG + "Person", founder.cls());
        Proposer.NewEntity city = entity(p, "Changzhou").orElseThrow(() -> new AssertionError(p));
        assertTrue(city.reason().startsWith("gazetteer"), city.reason());

        Proposer.Proposal f =
                claim(p, company.iri(), "founder", founder.iri()).orElseThrow(() -> new AssertionError(p));
        assertTrue(f.reason().contains("fondée par"), f.reason());
        assertEquals(1, f.paragraph());
        assertTrue(
                claim(p, company.iri(), "foundingYear", "2019").isPresent(),
                p.claims().toString());
        assertTrue(
                claim(p, company.iri(), "headquarteredIn", city.iri()).isPresent(),
                p.claims().toString());

        Proposer.Proposal money = p.figures().stream()
                .filter(x -> x.object().equals("200.0"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(p.figures()));
        assertEquals(company.iri(), money.subject(), "a sentence naming no company is about the last one named");
        assertTrue(money.reason().contains("million yuan") && money.reason().contains("AtLeast"), money.reason());
        assertTrue(money.reason().contains("year 2023"), money.reason());
        assertEquals("hedged", money.certainty());
        assertTrue(money.reason().contains("selon"), money.reason());

        assertTrue(
                claim(p, KGID + "beijing", "capitalOf", KGID + "china").isPresent(),
                p.claims().toString());
        noWrongCapitals(p);
    }

    @Test
    void russianArticleAboutUnknownCompany() {
        Proposer.Proposals p = propose("ru-veter.txt", "ru");
        Proposer.NewEntity company = entity(p, "Северный Ветер").orElseThrow(() -> new AssertionError(p));
        assertEquals(CIKG + "Company", company.cls(), company.reason());
        Proposer.NewEntity founder = entity(p, "Андрей Лебедев").orElseThrow(() -> new AssertionError(p));
        assertEquals(CIKG + "Person", founder.cls());
        assertEquals(KGID + "andrej-lebedev", founder.iri());

        assertTrue(
                claim(p, company.iri(), "founder", founder.iri()).isPresent(),
                p.claims().toString());
        assertTrue(
                claim(p, company.iri(), "foundingYear", "2018").isPresent(),
                p.claims().toString());
        Proposer.Proposal money = p.figures().stream()
                .filter(x -> x.object().equals("3.0"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(p.figures()));
        assertTrue(money.reason().contains("billion yuan") && money.reason().contains("AtLeast"), money.reason());
        assertTrue(money.reason().contains("year 2024"), money.reason());
        assertEquals("hedged", money.certainty(), money.reason());

        assertTrue(
                claim(p, KGID + "beijing", "capitalOf", KGID + "china").isPresent(),
                p.claims().toString());
        noWrongCapitals(p);
    }

    /** Only Beijing is a capital in these articles; Hangzhou is no one's capital, and no province is in a city. */
    private static void noWrongCapitals(Proposer.Proposals p) {
        List<Proposer.Proposal> capitals = p.claims().stream()
                .filter(c -> c.predicate().equals(CIKG + "capitalOf"))
                .toList();
        assertFalse(capitals.isEmpty());
        for (Proposer.Proposal c : capitals) {
            assertEquals(KGID + "beijing", c.subject(), c.toString());
            assertEquals(KGID + "china", c.object(), c.toString());
        }
        assertTrue(
                p.claims().stream()
                        .noneMatch(c -> c.predicate().equals(CIKG + "locatedIn")
                                && c.subject().equals(KGID + "china")),
                p.claims().toString());
    }
}
