package org.cikg.graph;

import java.util.List;
import java.util.Map;

/**
 * A slice of the knowledge graph ready to be written in any export format.
 *
 * @param nodes        entities, in a stable order
 * @param edges        links between them, each with its provenance
 * @param sourceTitles the title of each source document the edges cite, by IRI (for readers who show them)
 */
public record SubGraph(List<Node> nodes, List<Edge> edges, Map<String, String> sourceTitles) {

    public SubGraph(List<Node> nodes, List<Edge> edges) {
        this(nodes, edges, Map.of());
    }

    /**
     * An entity.
     *
     * @param id         its IRI (the same in every format, so exports can be merged)
     * @param label      its label in the asked language, else English, else the IRI's last segment
     * @param labelLang  the language tag of {@code label} (empty if it is not a label from the store)
     * @param type       the local name of its asserted class ({@code Startup}); {@code Thing} if none
     * @param typeIri    the IRI of that class, or null
     * @param attributes literal-valued facts, by predicate IRI, in a stable order ({@code cikg:foundingYear}:
     *                   "2019"^^xsd:gYear, "2023"^^xsd:gYear)
     */
    public record Node(
            String id,
            String label,
            String labelLang,
            String type,
            String typeIri,
            Map<String, List<org.apache.jena.graph.Node>> attributes) {}

    /**
     * A directed link.
     *
     * @param id         stable id derived from subject, predicate and object
     * @param source     subject IRI
     * @param target     object IRI
     * @param predicate  predicate IRI
     * @param label      the predicate's label in the asked language (else English, else its local name)
     * @param startYear  earliest year its statements give, or null
     * @param endYear    latest year its statements give, or null
     * @param certainty  "stated" if any statement states it, "hedged" if all that say hedge it, else null
     * @param statements the statement nodes that carry its provenance (none for a link without one)
     */
    public record Edge(
            String id,
            String source,
            String target,
            String predicate,
            String label,
            Integer startYear,
            Integer endYear,
            String certainty,
            List<Statement> statements) {

        /** One entry per statement: where the link comes from. */
        public List<SourceRef> sources() {
            return statements.stream()
                    .filter(s -> s.source() != null)
                    .map(s -> new SourceRef(s.source(), s.paragraph()))
                    .distinct()
                    .toList();
        }
    }

    /**
     * A statement node ({@code rdf:Statement}) behind an edge.
     *
     * @param id        its IRI
     * @param source    the document it was derived from, or null
     * @param paragraph the 1-based line in the source, or null
     * @param certainty "stated" or "hedged", or null
     * @param startYear the year it dates the claim from, or null
     * @param endYear   the year it dates the claim to, or null
     */
    public record Statement(
            String id, String source, Integer paragraph, String certainty, Integer startYear, Integer endYear) {}

    /**
     * One source of a link.
     *
     * @param source    the source document IRI ({@code kgsrc:...} or {@code cikg:EditorialKnowledge})
     * @param paragraph the 1-based line in the source, or null
     */
    public record SourceRef(String source, Integer paragraph) {}
}
