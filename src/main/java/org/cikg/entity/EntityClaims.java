package org.cikg.entity;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the claims about an entity add to its page beside its facts: the bound of each figure, the metadata of each
 * source, the disagreements between sources with their ranks, and the silences (counts reported beside the entities
 * the graph names). Every string is plain text; the template escapes it.
 *
 * @param bounds        a figure's bound by the href of the figure's page: its sign ("≥") and name ("At least");
 *                      figures given exactly are absent
 * @param sources       a source's metadata by the href of its page
 * @param disagreements the disagreements about this entity, one per property (or per figure)
 * @param silences      the count claims about this entity
 * @param disputed      "property label|value text" of the facts that take part in a disagreement
 */
public record EntityClaims(
        Map<String, Bound> bounds,
        Map<String, SourceMeta> sources,
        List<Disagreement> disagreements,
        List<Silence> silences,
        Set<String> disputed) {

    /** Nothing to add (no figures, sources, disagreements or count claims). */
    static final EntityClaims NONE = new EntityClaims(Map.of(), Map.of(), List.of(), List.of(), Set.of());

    /** How a figure's value is to be read. */
    public record Bound(String sign, String name) {}

    /** A source's language (by name), outlet and date; each may be null. */
    public record SourceMeta(String language, String outlet, String date) {
        /** "Arabic · Beijing Daily · 2026-03-02", the parts that are known. */
        public String text() {
            return java.util.stream.Stream.of(language, outlet, date)
                    .filter(s -> s != null && !s.isBlank())
                    .collect(java.util.stream.Collectors.joining(" · "));
        }
    }

    /** Claims that cannot all hold: the property (or the figure's measure and year) and each side. */
    public record Disagreement(String topic, List<Claim> claims) {}

    /**
     * One side of a disagreement: the value it gives, its rank ("preferred", "normal", "deprecated"), why, whether a
     * curator ranked it at all, and where it comes from.
     */
    public record Claim(Link value, String rank, String reason, boolean ranked, EntityPage.Source source) {}

    /**
     * A count claim: the measure, the count as reported with its sign ("≈ 1,000"), the entities the graph names for
     * it, and the source of the count.
     */
    public record Silence(Link measure, String reported, List<Link> named, List<EntityPage.Source> sources) {
        /** Whether the sources report more than the graph names. */
        public boolean unnamed() {
            return reportedNumber() > named.size();
        }

        private double reportedNumber() {
            String digits = reported.replaceAll("[^0-9.]", "");
            return digits.isEmpty() ? 0 : Double.parseDouble(digits);
        }
    }

    /** The sign to print before a figure's value ("≥ "), or "" when it is exact. */
    public String sign(String figureHref) {
        Bound b = bounds.get(figureHref);
        return b == null ? "" : b.sign() + " ";
    }

    /** The name of a figure's bound ("At least"), or null when it is exact. */
    public String boundName(String figureHref) {
        Bound b = bounds.get(figureHref);
        return b == null ? null : b.name();
    }

    /** A source's metadata as text, or null when nothing is known (editorial knowledge). */
    public String meta(String sourceHref) {
        SourceMeta m = sourceHref == null ? null : sources.get(sourceHref);
        String text = m == null ? "" : m.text();
        return text.isEmpty() ? null : text;
    }

    /** Whether the fact (a property label and a value text) is one side of a disagreement. */
    public boolean isDisputed(String property, String value) {
        return disputed.contains(property + "|" + value);
    }
}
