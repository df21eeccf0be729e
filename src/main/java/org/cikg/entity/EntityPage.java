package org.cikg.entity;

import java.util.List;
import org.cikg.explain.Explanation;

/**
 * What an entity page shows, ready to print. Every string is plain text; the template escapes it.
 *
 * @param slug        the entity's slug
 * @param iri         its IRI
 * @param title       its {@code @en} label
 * @param description its English gloss (rdfs:comment), may be null
 * @param names       its names in the other languages, labels first, then variants
 * @param types       its classes, most specific first
 * @param facts       outgoing facts, grouped by property
 * @param incoming    what links here, grouped by property
 * @param timeline    dated facts, oldest first
 * @param indicators  figures about it
 * @param graph       its neighbourhood, laid out for inline SVG
 * @param downloads   the RDF documents describing it
 * @param sparql      a SPARQL query that returns the data of this page
 */
public record EntityPage(
        String slug,
        String iri,
        String title,
        String description,
        List<Name> names,
        List<Link> types,
        List<FactGroup> facts,
        List<FactGroup> incoming,
        List<TimelineEntry> timeline,
        List<IndicatorRow> indicators,
        GraphView graph,
        List<Download> downloads,
        String sparql) {

    /** A name in one language; {@code alternative} for skos:altLabel variants. */
    public record Name(String text, String lang, boolean alternative) {}

    /** Where a claim comes from: a source document's paragraph, or editorial knowledge. */
    public record Source(
            String title,
            String titleLang,
            String href,
            Integer paragraph,
            String certainty,
            String years,
            String note,
            boolean editorial) {
        public boolean hedged() {
            return "hedged".equals(certainty);
        }
    }

    /**
     * One value of a property, with the statements that support it. An inferred fact (added by the rules) shows the
     * sources of the asserted claim it was derived from when that claim links the same two resources ({@code via}
     * names its property: an inverse, a sub-property, a symmetric pair); a transitive hop has none. Its
     * {@code explanation} is the derivation down to asserted facts; {@code undated} marks, on a page as of a year, a
     * fact kept only because nothing dates it.
     */
    public record Fact(
            Link value, List<Source> sources, boolean inferred, String via, Explanation explanation, boolean undated) {
        public Fact(Link value, List<Source> sources, boolean inferred, String via) {
            this(value, sources, inferred, via, null, false);
        }

        /** Hedged by its sources; an inferred fact when any fact of its derivation is. */
        public boolean hedged() {
            if (explanation != null && inferred) {
                return explanation.hedged();
            }
            return !sources.isEmpty() && sources.stream().allMatch(Source::hedged);
        }

        public Fact with(Explanation why, boolean undatedHere) {
            return new Fact(value, sources, inferred, via, why, undatedHere);
        }
    }

    /**
     * The values of one property: at most {@link EntityPageAssembler#GROUP_CAP} of them shown, {@code total} how
     * many there are, {@code more} where the full lists are (what lies in a place, at any depth).
     */
    public record FactGroup(String property, String propertyHref, List<Fact> facts, int total, List<Link> more) {
        public FactGroup(String property, String propertyHref, List<Fact> facts) {
            this(property, propertyHref, facts, facts.size(), List.of());
        }

        /** Whether some values are not shown. */
        public boolean capped() {
            return total > facts.size();
        }
    }

    /** A dated fact: {@code years} is "2019" or "2002–2007"; {@code hedged} when its source hedges it. */
    public record TimelineEntry(int year, String years, Link subject, String property, Link object, boolean hedged) {}

    /** A figure about the entity. */
    public record IndicatorRow(Link measure, String value, String unit, String year, List<Source> sources) {}

    /**
     * The year a page shows, and the control to change it.
     *
     * @param year     the year shown; null: the graph as it is now
     * @param years    the years the graph knows for this entity, to choose from
     * @param notice   what to say above the facts (not yet founded, the rules of the view); null: nothing
     * @param notYet   whether the entity does not exist yet (or any more) in that year: no facts are shown
     * @param keepLang the language to keep when the year changes (null: none chosen explicitly)
     */
    public record YearPanel(Integer year, List<Integer> years, String notice, boolean notYet, String keepLang) {
        /** A figure of an earlier year shown as the latest up to the year of the page. */
        public boolean latestBefore(String figureYear) {
            return year != null
                    && figureYear != null
                    && figureYear.matches("\\d{4}")
                    && Integer.parseInt(figureYear) < year;
        }

        /** The query string to carry the year on links ({@code asOf=2019&}), empty for the current graph. */
        public String query() {
            return year == null ? "" : "asOf=" + year + "&";
        }
    }

    /** A download link. */
    public record Download(String label, String href, String mediaType) {}

    /** The neighbourhood graph: a centre node and its neighbours on a circle. */
    public record GraphView(int width, int height, List<GraphNode> nodes, List<GraphEdge> edges) {}

    /** A node of the drawing; {@code anchor} is the SVG text-anchor of its label. */
    public record GraphNode(
            double x,
            double y,
            double labelX,
            double labelY,
            String anchor,
            String label,
            String fullLabel,
            String href,
            String kind,
            boolean centre) {}

    /** An edge of the drawing, with its property as a tooltip. */
    public record GraphEdge(double x1, double y1, double x2, double y2, String property) {}
}
