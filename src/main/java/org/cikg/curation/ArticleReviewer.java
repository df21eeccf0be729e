package org.cikg.curation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cikg.core.Namespaces;

/**
 * Builds the review sheet of one article from its {@link Proposer proposals}, best first: the new entities it names
 * (with a proposed class, slug and English label), the claims a cue supports (with the cue as the reason and a
 * confidence), the figures (unit, year, bound), then a separator row, then the pairs of entities that only share a
 * paragraph (the narrowest predicate the ontology's domains and ranges allow, or none), and last the mention rows
 * (every known entity named in each paragraph, as evidence).
 */
public final class ArticleReviewer {
    /** The gazetteer the commands read by default (relative to the project root). */
    public static final Path GAZETTEER = Path.of("gazetteer", "counties.ttl");

    private final CurationGraph graph;
    private final Proposer proposer;

    public ArticleReviewer(CurationGraph graph) {
        this(graph, GAZETTEER);
    }

    public ArticleReviewer(CurationGraph graph, Path gazetteer) {
        this(graph, GazetteerIndex.read(gazetteer));
    }

    ArticleReviewer(CurationGraph graph, GazetteerIndex gazetteer) {
        this.graph = graph;
        this.proposer = new Proposer(graph, gazetteer);
    }

    Proposer proposer() {
        return proposer;
    }

    public MentionFinder finder() {
        return proposer.finder();
    }

    /** The rows for an article whose lines are {@code lines}, its language guessed from its script. */
    public List<ReviewSheet.Row> review(String stem, List<String> lines) {
        return review(stem, lines, Proposer.language(lines));
    }

    /** The rows for an article in language {@code lang} ({@code fr}, {@code ru}, {@code ar}, {@code he}, {@code en}). */
    public List<ReviewSheet.Row> review(String stem, List<String> lines, String lang) {
        Proposer.Proposals p = proposer.propose(lines, lang);
        List<ReviewSheet.Row> rows = new ArrayList<>();
        for (Proposer.NewEntity e : p.entities()) {
            rows.add(new ReviewSheet.Row(
                    "",
                    "entity",
                    stem,
                    e.paragraphs().iterator().next(),
                    slug(e.iri()),
                    e.label(),
                    "rdf:type",
                    curie(e.cls()),
                    "",
                    "",
                    String.join(" | ", e.surfaces()),
                    "new entity: " + e.reason() + "; paragraphs " + e.paragraphs(),
                    confidence(e.confidence())));
        }
        for (Proposer.Proposal c : p.claims()) {
            rows.add(claimRow(stem, c));
        }
        for (Proposer.Proposal f : p.figures()) {
            rows.add(claimRow(stem, f));
        }
        rows.add(new ReviewSheet.Row(
                "",
                "line",
                stem,
                0,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "below this line: entities named in the same paragraph without a cue linking them",
                ""));
        for (Proposer.Proposal c : p.pairs()) {
            rows.add(claimRow(stem, c));
        }
        for (MentionFinder.Mention m : proposer.finder().findAll(lines)) {
            boolean ambiguous = m.entities().size() > 1;
            boolean resolved = MentionFinder.isResolved(m);
            for (String e : m.entities().stream().sorted().toList()) {
                String note = ambiguous
                        ? "ambiguous: '" + m.name() + "' names " + m.entities().size() + " entities"
                        : resolved ? "resolved by " + m.name() + ": check" : "";
                rows.add(new ReviewSheet.Row(
                        ambiguous || resolved ? "" : "yes",
                        "mention",
                        stem,
                        m.paragraph(),
                        slug(e),
                        graph.englishLabel(e),
                        "",
                        "",
                        "",
                        "",
                        m.surface(),
                        note));
            }
        }
        return rows;
    }

    private ReviewSheet.Row claimRow(String stem, Proposer.Proposal c) {
        boolean literal = !c.object().startsWith("http");
        return new ReviewSheet.Row(
                "",
                c.kind(),
                stem,
                c.paragraph(),
                slug(c.subject()),
                label(c.subject()),
                c.predicate().isEmpty() ? "" : curie(c.predicate()),
                literal ? c.object() : c.object().startsWith(Namespaces.KGID) ? slug(c.object()) : curie(c.object()),
                literal ? "" : label(c.object()),
                c.certainty(),
                c.surface(),
                c.reason(),
                confidence(c.confidence()));
    }

    private String label(String iri) {
        return iri.startsWith(Namespaces.KGID) && graph.isEntity(iri) ? graph.englishLabel(iri) : "";
    }

    private static String confidence(double c) {
        return String.format(Locale.ROOT, "%.2f", c);
    }

    static String slug(String iri) {
        return iri.substring(Namespaces.KGID.length());
    }

    static String curie(String iri) {
        return "cikg:" + iri.substring(Namespaces.CIKG.length());
    }
}
