package org.cikg.asof;

import java.util.function.Predicate;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.cikg.store.Graphs;

/**
 * The as-of view inside TDB2: a tuple filter ({@code SystemTDB.symTupleFilter}) that TDB2 calls on every quad a
 * query's triple patterns read from its indexes, keeping those that hold in the year ({@link ValidityOracle}). The
 * query runs on TDB2's own engine, plan and joins unchanged; it simply never sees what did not hold yet. Quads of the
 * ontology and meta graphs pass without a look-up. Holds no state of its own: the oracle caches what it computes.
 */
final class YearFilter implements Predicate<Tuple<NodeId>> {
    private final NodeTable nodes;
    private final ValidityOracle oracle;
    private final int year;
    private final NodeId data;
    private final NodeId inferred;

    YearFilter(NodeTable nodes, ValidityOracle oracle, int year) {
        this.nodes = nodes;
        this.oracle = oracle;
        this.year = year;
        this.data = nodes.getNodeIdForNode(Graphs.DATA);
        this.inferred = nodes.getNodeIdForNode(Graphs.INFERRED);
    }

    @Override
    public boolean test(Tuple<NodeId> t) {
        if (t.len() != 4) {
            // The store's own default graph is empty (everything is in named graphs): nothing to judge.
            return true;
        }
        NodeId g = t.get(0);
        Node graph;
        if (g.equals(data)) {
            graph = Graphs.DATA;
        } else if (g.equals(inferred)) {
            graph = Graphs.INFERRED;
        } else {
            return true;
        }
        Node s = nodes.getNodeForNodeId(t.get(1));
        Node p = nodes.getNodeForNodeId(t.get(2));
        Node o = nodes.getNodeForNodeId(t.get(3));
        return oracle.of(graph, s, p, o).holdsIn(year);
    }
}
