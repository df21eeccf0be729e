package org.cikg.graph;

import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;

/**
 * A validated neighbourhood request.
 *
 * @param focus      the entities to start from
 * @param depth      how many hops to follow (1..3)
 * @param types      classes a neighbour must have (empty: any); focus entities are always kept
 * @param predicates predicates to follow (empty: any)
 * @param from       first year of the window, or null
 * @param to         last year of the window, or null
 * @param undated    whether links no statement dates are kept when a window is given
 * @param lang       the language for labels
 * @param limit      the most edges the answer may hold
 */
public record GraphRequest(
        List<Node> focus,
        int depth,
        Set<Node> types,
        Set<Node> predicates,
        Integer from,
        Integer to,
        boolean undated,
        String lang,
        int limit) {}
