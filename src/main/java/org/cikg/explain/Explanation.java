package org.cikg.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Why one triple holds, as a tree: an asserted triple with its sources, or an inferred one with the rule that
 * derived it and the facts that rule used, each explained in turn down to asserted facts. Ready to print or to
 * serialise as JSON (every field is plain data).
 *
 * @param subject   the triple's subject
 * @param predicate its predicate
 * @param object    its object (an IRI or a literal)
 * @param status    {@code asserted} (curated data), {@code ontology} (the ontology graph) or {@code inferred}
 * @param certainty {@code hedged} when a source of this fact, or of any fact below it, hedges it; else
 *                  {@code stated}
 * @param rule      the rule that derived it (inferred only)
 * @param premises  the facts of the data the rule used (inferred only), each explained
 * @param schema    the facts of the ontology the rule used ({@code cikg:locatedIn a owl:TransitiveProperty},
 *                  {@code cikg:headquarteredIn rdfs:subPropertyOf+ cikg:locatedIn}): they hold by definition
 * @param sources   the statement nodes that record it (asserted only; none for a triple the curators asserted
 *                  without one, such as a type)
 * @param graph     the named graph holding it
 * @param text      one sentence saying why it holds
 */
public record Explanation(
        Term subject,
        Term predicate,
        Term object,
        String status,
        String certainty,
        RuleRef rule,
        List<Explanation> premises,
        List<SchemaFact> schema,
        List<Source> sources,
        String graph,
        String text) {

    /** An IRI with its label, or a literal. */
    public record Term(String iri, String value, String label, String datatype, String lang, String href) {
        /** What to print. */
        public String shown() {
            return label != null ? label : iri != null ? iri : value;
        }
    }

    /** A rule file and its one-line description. */
    public record RuleRef(String name, String file, String description) {}

    /**
     * A fact of the ontology a rule used: a triple of the ontology graph, or a property path it matched.
     *
     * @param subject  its subject
     * @param relation its predicate or path, prefixed ({@code owl:inverseOf}, {@code rdfs:subClassOf+})
     * @param object   its object
     */
    public record SchemaFact(Term subject, String relation, Term object) {
        /** In words: {@code located in is a owl:TransitiveProperty}. */
        public String text() {
            return subject.shown() + " " + ("rdf:type".equals(relation) ? "is a" : relation) + " " + object.shown();
        }
    }

    /**
     * A statement node recording the triple, with its source.
     *
     * @param statement  the statement node's IRI
     * @param source     the source document's IRI, or {@code cikg:EditorialKnowledge}'s
     * @param identifier the seed file name of a source document
     * @param title      its title (or the editorial pseudo-source's label)
     * @param href       its page, with the paragraph anchor (null for editorial knowledge)
     * @param paragraph  the line of the seed file (null for editorial knowledge)
     * @param certainty  {@code stated} or {@code hedged}
     * @param startYear  from when the claim holds, if dated
     * @param endYear    until when, if dated
     * @param editorial  whether it comes from the public record rather than an article
     */
    public record Source(
            String statement,
            String source,
            String identifier,
            String title,
            String href,
            Integer paragraph,
            String certainty,
            String startYear,
            String endYear,
            boolean editorial) {
        public boolean hedged() {
            return "hedged".equals(certainty);
        }

        /** A short citation: {@code article 000 ¶6, stated} or {@code editorial}. */
        public String cite() {
            if (editorial) {
                return "editorial";
            }
            String article = identifier != null && identifier.contains("_")
                    ? "article " + identifier.substring(0, identifier.indexOf('_'))
                    : title;
            return article + (paragraph == null ? "" : " ¶" + paragraph) + (certainty == null ? "" : ", " + certainty);
        }
    }

    public boolean hedged() {
        return "hedged".equals(certainty);
    }

    public boolean inferred() {
        return "inferred".equals(status);
    }

    /** Every fact at the bottom of the tree: asserted or ontology facts. */
    public List<Explanation> leaves() {
        List<Explanation> out = new ArrayList<>();
        if (premises.isEmpty()) {
            out.add(this);
        }
        premises.forEach(p -> out.addAll(p.leaves()));
        return out;
    }

    /** The triple in words: {@code Hangzhou located in China}. */
    static String phrase(Term s, Term p, Term o) {
        String verb = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type".equals(p.iri()) ? "is a" : p.shown();
        return s.shown() + " " + verb + " " + o.shown();
    }

    /** One premise in words with where it comes from, for {@link #text}. */
    static String cited(Explanation e) {
        String why;
        if (e.inferred()) {
            why = "inferred: " + e.rule().description();
        } else if (e.sources().isEmpty()) {
            why = "curated data";
        } else {
            why = e.sources().stream().map(Source::cite).distinct().collect(Collectors.joining("; "));
        }
        return phrase(e.subject(), e.predicate(), e.object()) + " (" + why + ")";
    }
}
