package org.cikg.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;
import org.cikg.problem.NotFoundException;
import org.cikg.sparql.CatalogQuery;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.QueryRunner;
import org.cikg.sparql.SystemQuery;
import org.cikg.sparql.Table;
import org.cikg.store.KnowledgeStore;
import org.springframework.stereotype.Component;

/**
 * The neighbourhood of focus entities: hop by hop, each frontier entity's asserted links to other entities (both
 * directions, {@code queries/system/graph-links.rq}), filtered by predicate, by the neighbour's classes and by the
 * years the statements give, until the depth is reached. The frontier is bounded by the edge limit: the walk stops
 * with {@link GraphTooLargeException} as soon as the limit is passed, never returning a cut-off graph.
 *
 * <p>Links come from the asserted data graph only, so inferred duplicates (an inverse, the transitive
 * {@code locatedIn} closure) do not clutter the drawing; every drawn link has its statement nodes.
 */
@Component
public class NeighbourhoodExtractor {
    private final KnowledgeStore store;
    private final QueryCatalog catalog;

    NeighbourhoodExtractor(KnowledgeStore store, QueryCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    public SubGraph extract(GraphRequest r) {
        return extract(r, store.runner());
    }

    /** The neighbourhood as {@code runner} sees the store (the graph as of a year, say). */
    public SubGraph extract(GraphRequest r, QueryRunner runner) {
        return runner.read(() -> walk(r, runner));
    }

    private SubGraph walk(GraphRequest r, QueryRunner runner) {
        GraphLookups lookups = new GraphLookups(runner, catalog, r.lang());
        CatalogQuery links = catalog.get(SystemQuery.GRAPH_LINKS);
        Set<Node> visited = new LinkedHashSet<>();
        for (Node f : r.focus()) {
            if (!lookups.describe(f).known()) {
                throw new NotFoundException("No entity " + f.getURI() + " in the graph");
            }
            visited.add(f);
        }
        EdgeSet edges = new EdgeSet();
        List<Node> frontier = new ArrayList<>(visited);
        for (int hop = 1; hop <= r.depth() && !frontier.isEmpty(); hop++) {
            List<Node> next = new ArrayList<>();
            for (Node n : frontier) {
                for (Map.Entry<List<Node>, List<SubGraph.Statement>> link :
                        linksOf(runner, links, n).entrySet()) {
                    Node s = link.getKey().get(0);
                    Node p = link.getKey().get(1);
                    Node o = link.getKey().get(2);
                    Node other = s.equals(n) ? o : s;
                    if (!r.predicates().isEmpty() && !r.predicates().contains(p)) {
                        continue;
                    }
                    if (!r.types().isEmpty()
                            && !visited.contains(other)
                            && Collections.disjoint(lookups.describe(other).anyTypes(), r.types())) {
                        continue;
                    }
                    if (!inWindow(link.getValue(), r)) {
                        continue;
                    }
                    edges.add(s, p, o, link.getValue());
                    if (edges.size() > r.limit()) {
                        throw new GraphTooLargeException(
                                r.limit(),
                                "Narrow it: a smaller depth (depth=" + r.depth()
                                        + " now), classes (types=Startup,City), predicates (predicates=founder,memberOf) "
                                        + "or a year window (from=2015&to=2020), or fewer focus entities.");
                    }
                    if (visited.add(other)) {
                        next.add(other);
                    }
                }
            }
            frontier = next;
        }
        List<SubGraph.Node> nodes =
                visited.stream().map(n -> lookups.describe(n).graphNode()).toList();
        List<SubGraph.Edge> built = edges.build(lookups);
        return new SubGraph(nodes, built, lookups.sourceTitles(built));
    }

    /** The links of one entity, each (s, p, o) with its statements. */
    private Map<List<Node>, List<SubGraph.Statement>> linksOf(QueryRunner runner, CatalogQuery links, Node n) {
        Table rows = runner.selectInTxn(links, Map.of("node", n));
        Map<List<Node>, Map<Node, SubGraph.Statement>> found = new LinkedHashMap<>();
        for (Binding b : rows) {
            Map<Node, SubGraph.Statement> sts =
                    found.computeIfAbsent(List.of(b.get("s"), b.get("p"), b.get("o")), k -> new LinkedHashMap<>());
            if (b.get("st") != null) {
                sts.merge(b.get("st"), GraphLookups.statementOf(b), GraphLookups::mergeStatement);
            }
        }
        Map<List<Node>, List<SubGraph.Statement>> out = new LinkedHashMap<>();
        found.forEach((k, v) -> out.put(k, List.copyOf(v.values())));
        return out;
    }

    /**
     * Whether a link's dates meet the window. Its span runs from the earliest year its statements give to the
     * latest (a claim dated by one year spans that year); a link no statement dates is kept unless
     * {@code undated=false}.
     */
    static boolean inWindow(List<SubGraph.Statement> sts, GraphRequest r) {
        if (r.from() == null && r.to() == null) {
            return true;
        }
        Integer start = EdgeSet.startOf(sts);
        if (start == null) {
            return r.undated();
        }
        Integer end = GraphLookups.maxOf(EdgeSet.endOf(sts), start);
        for (SubGraph.Statement s : sts) {
            end = GraphLookups.maxOf(end, s.startYear());
        }
        return (r.to() == null || start <= r.to()) && (r.from() == null || end >= r.from());
    }
}
