package org.cikg.curation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cikg.core.Namespaces;

/**
 * Builds the review sheet of one article: a mention row per entity named in each paragraph, then a claim row per
 * pair of entities that share a paragraph, with the predicate the ontology's domains and ranges allow between them
 * (the narrowest one; the others in the note), or none.
 */
public final class ArticleReviewer {
    private final CurationGraph graph;
    private final MentionFinder finder;
    private final List<CurationGraph.PropertyRange> properties;

    public ArticleReviewer(CurationGraph graph) {
        this.graph = graph;
        this.finder = new MentionFinder(graph.names(), graph::types);
        this.properties = graph.objectProperties().stream()
                .sorted(Comparator.comparingInt((CurationGraph.PropertyRange p) ->
                                p.domain().size() + p.range().size())
                        .thenComparing(CurationGraph.PropertyRange::property))
                .toList();
    }

    public MentionFinder finder() {
        return finder;
    }

    /** The rows for an article whose lines are {@code lines}. */
    public List<ReviewSheet.Row> review(String stem, List<String> lines) {
        Map<Integer, Set<String>> byParagraph = new TreeMap<>();
        List<ReviewSheet.Row> rows = new ArrayList<>();
        for (MentionFinder.Mention m : finder.findAll(lines)) {
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
                if (!ambiguous) {
                    byParagraph
                            .computeIfAbsent(m.paragraph(), k -> new LinkedHashSet<>())
                            .add(e);
                }
            }
        }
        for (var para : byParagraph.entrySet()) {
            List<String> es = new ArrayList<>(para.getValue());
            for (int i = 0; i < es.size(); i++) {
                for (int j = i + 1; j < es.size(); j++) {
                    rows.add(claim(stem, para.getKey(), es.get(i), es.get(j)));
                }
            }
        }
        return rows;
    }

    private ReviewSheet.Row claim(String stem, int paragraph, String a, String b) {
        List<String[]> fits = new ArrayList<>();
        Set<String> ta = graph.types(a);
        Set<String> tb = graph.types(b);
        for (CurationGraph.PropertyRange p : properties) {
            if (allows(p, ta, tb)) {
                fits.add(new String[] {a, p.property(), b});
            }
            if (allows(p, tb, ta)) {
                fits.add(new String[] {b, p.property(), a});
            }
        }
        if (fits.isEmpty()) {
            return new ReviewSheet.Row(
                    "",
                    "claim",
                    stem,
                    paragraph,
                    slug(a),
                    graph.englishLabel(a),
                    "",
                    slug(b),
                    graph.englishLabel(b),
                    "stated",
                    "",
                    "no property of the ontology links these classes");
        }
        String[] best = fits.get(0);
        StringBuilder note = new StringBuilder();
        for (String[] f : fits.subList(1, Math.min(fits.size(), 6))) {
            note.append(note.isEmpty() ? "also possible: " : "; ")
                    .append(slug(f[0]))
                    .append(' ')
                    .append(curie(f[1]))
                    .append(' ')
                    .append(slug(f[2]));
        }
        return new ReviewSheet.Row(
                "",
                "claim",
                stem,
                paragraph,
                slug(best[0]),
                graph.englishLabel(best[0]),
                curie(best[1]),
                slug(best[2]),
                graph.englishLabel(best[2]),
                "stated",
                "",
                note.toString());
    }

    private static boolean allows(CurationGraph.PropertyRange p, Set<String> subjectTypes, Set<String> objectTypes) {
        return p.domain().stream().anyMatch(subjectTypes::contains)
                && p.range().stream().anyMatch(objectTypes::contains);
    }

    static String slug(String iri) {
        return iri.substring(Namespaces.KGID.length());
    }

    static String curie(String iri) {
        return "cikg:" + iri.substring(Namespaces.CIKG.length());
    }
}
