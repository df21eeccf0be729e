package org.cikg.explain;

import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * Every way one triple can be derived by the rules, back to asserted facts: for each inferred triple met on the way,
 * the rule applications ({@link Step}) that conclude it. Found by {@link DerivationSearch}; {@link Explainer} picks
 * the best derivation out of it, and the as-of view unions what all of them allow.
 *
 * @param root     the triple asked about
 * @param status   where each triple met is held
 * @param steps    for each inferred triple met, the rule applications that conclude it (empty: none found)
 * @param complete false when the search stopped at its bound before exploring every inferred premise
 */
public record Derivations(Triple root, Map<Triple, Status> status, Map<Triple, List<Step>> steps, boolean complete) {

    /** Where a triple is held. */
    public enum Status {
        /** In the curated data graph (a statement node may give its sources). */
        ASSERTED,
        /** In the ontology graph (classes, properties and their characteristics). */
        ONTOLOGY,
        /** Only in the inferred graph: the rules added it. */
        INFERRED,
        /** Not in the store. */
        ABSENT
    }

    /**
     * One application of a rule.
     *
     * @param rule  the rule
     * @param used  the triples of the store its body matched (asserted, ontology or inferred), in body order
     * @param paths the property-path facts its body matched ({@code headquarteredIn rdfs:subPropertyOf+ locatedIn}),
     *              which hold in the ontology but need not be single triples
     */
    public record Step(InferenceRules.Rule rule, List<Triple> used, List<PathFact> paths) {}

    /**
     * A fact a property path matched in the ontology.
     *
     * @param subject its start
     * @param path    the path as written in the rule ({@code rdfs:subPropertyOf+})
     * @param object  its end
     */
    public record PathFact(Node subject, String path, Node object) {}

    /** Where the root is held. */
    public Status rootStatus() {
        return status.getOrDefault(root, Status.ABSENT);
    }
}
