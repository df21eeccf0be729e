package org.cikg.graph;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.jena.graph.Node;

/**
 * Edges gathered while walking or converting, one per (subject, predicate, object), their statements merged.
 */
final class EdgeSet {
    private final Map<String, Pending> edges = new LinkedHashMap<>();

    private record Pending(Node s, Node p, Node o, Map<String, SubGraph.Statement> statements) {}

    boolean contains(Node s, Node p, Node o) {
        return edges.containsKey(key(s, p, o));
    }

    void add(Node s, Node p, Node o, List<SubGraph.Statement> statements) {
        Pending e = edges.computeIfAbsent(key(s, p, o), k -> new Pending(s, p, o, new LinkedHashMap<>()));
        for (SubGraph.Statement st : statements) {
            e.statements().merge(st.id(), st, GraphLookups::mergeStatement);
        }
    }

    int size() {
        return edges.size();
    }

    List<SubGraph.Edge> build(GraphLookups lookups) {
        List<SubGraph.Edge> out = new ArrayList<>(edges.size());
        for (Map.Entry<String, Pending> en : edges.entrySet()) {
            Pending e = en.getValue();
            List<SubGraph.Statement> sts = List.copyOf(e.statements().values());
            out.add(new SubGraph.Edge(
                    edgeId(en.getKey()),
                    e.s().getURI(),
                    e.o().getURI(),
                    e.p().getURI(),
                    lookups.propertyLabel(e.p().getURI()),
                    startOf(sts),
                    endOf(sts),
                    certaintyOf(sts),
                    sts));
        }
        return out;
    }

    /** The years the statements give: the earliest start (or end, for a claim dated only by its end). */
    static Integer startOf(List<SubGraph.Statement> sts) {
        Integer y = null;
        for (SubGraph.Statement s : sts) {
            y = GraphLookups.minOf(y, s.startYear() != null ? s.startYear() : s.endYear());
        }
        return y;
    }

    /** The latest end year; a claim dated by its start only ends there for the window test, not in exports. */
    static Integer endOf(List<SubGraph.Statement> sts) {
        Integer y = null;
        for (SubGraph.Statement s : sts) {
            y = GraphLookups.maxOf(y, s.endYear());
        }
        return y;
    }

    static String certaintyOf(List<SubGraph.Statement> sts) {
        boolean hedged = false;
        for (SubGraph.Statement s : sts) {
            if ("stated".equals(s.certainty())) {
                return "stated";
            }
            hedged |= "hedged".equals(s.certainty());
        }
        return hedged ? "hedged" : null;
    }

    private static String key(Node s, Node p, Node o) {
        return s.getURI() + ' ' + p.getURI() + ' ' + o.getURI();
    }

    private static String edgeId(String key) {
        return "e-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }
}
