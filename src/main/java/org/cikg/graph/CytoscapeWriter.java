package org.cikg.graph;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cikg.sparql.Terms;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cytoscape JSON, the shape Cytoscape.js ({@code cytoscape({elements})}, {@code cy.json()}), Cytoscape desktop
 * ({@code .cyjs}) and networkx's {@code cytoscape_graph} all read: top-level {@code data} (the graph's name and
 * description), {@code directed: true}, {@code multigraph: true} (two entities may be linked by several
 * properties) and {@code elements}. {@code elements.nodes[].data}: {@code id} (the IRI), {@code value} (the IRI
 * again: networkx's node key), {@code name} and {@code label} (the label), {@code type}, {@code color} (the class
 * colour, {@link ClassPalette}), {@code page} (the entity page) and the literal attributes (numbers as numbers,
 * years as integers, several values as a list). {@code elements.edges[].data}: {@code id}, {@code key} (the id:
 * networkx's key between parallel edges), {@code source}, {@code target}, {@code predicate}, {@code label},
 * {@code startYear}, {@code endYear}, {@code certainty}, {@code sources} ([{source, paragraph, title}]). Absent
 * values are {@code null}, so every edge has the same keys.
 */
final class CytoscapeWriter implements GraphWriter {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The year the graph shows (a top-level {@code "data": {"asOf": 2019}}, as Cytoscape.js keeps graph data). */
    private final Integer asOf;

    CytoscapeWriter() {
        this(null);
    }

    CytoscapeWriter(Integer asOf) {
        this.asOf = asOf;
    }

    @Override
    public void write(SubGraph g, OutputStream out) {
        Map<String, Object> root = toMap(g);
        if (asOf != null) {
            Map<String, Object> stamped = new LinkedHashMap<>();
            stamped.put("data", Map.of("asOf", asOf));
            stamped.putAll(root);
            root = stamped;
        }
        JSON.writeValue(out, root);
    }

    static Map<String, Object> toMap(SubGraph g) {
        List<NodeAttributes.Column> columns = NodeAttributes.columns(g);
        List<Object> nodes = new ArrayList<>();
        for (SubGraph.Node n : g.nodes()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("id", n.id());
            data.put("value", n.id());
            data.put("name", n.label());
            data.put("label", n.label());
            data.put("type", n.type());
            data.put("color", ClassPalette.colour(n.type()));
            String slug = Terms.slugOf(org.apache.jena.graph.NodeFactory.createURI(n.id()));
            data.put("page", slug == null ? null : "/page/" + slug);
            for (NodeAttributes.Column c : columns) {
                Object v = NodeAttributes.json(n, c);
                if (v != null) {
                    data.put(c.name(), v);
                }
            }
            nodes.add(Map.of("data", data));
        }
        List<Object> edges = new ArrayList<>();
        for (SubGraph.Edge e : g.edges()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("id", e.id());
            data.put("key", e.id());
            data.put("source", e.source());
            data.put("target", e.target());
            data.put("predicate", e.predicate());
            data.put("label", e.label());
            data.put("startYear", e.startYear());
            data.put("endYear", e.endYear());
            data.put("certainty", e.certainty());
            List<Object> sources = new ArrayList<>();
            for (SubGraph.SourceRef s : e.sources()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("source", s.source());
                m.put("paragraph", s.paragraph());
                m.put("title", g.sourceTitles().get(s.source()));
                sources.add(m);
            }
            data.put("sources", sources);
            edges.add(Map.of("data", data));
        }
        Map<String, Object> elements = new LinkedHashMap<>();
        elements.put("nodes", nodes);
        elements.put("edges", edges);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", "cikg sub-graph");
        meta.put("description", "China Innovation Knowledge Graph export; node ids are entity IRIs");
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("data", meta);
        root.put("directed", true);
        root.put("multigraph", true);
        root.put("elements", elements);
        return root;
    }
}
