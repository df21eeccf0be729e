package org.cikg.entity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.cikg.entity.EntityPage.GraphEdge;
import org.cikg.entity.EntityPage.GraphNode;
import org.cikg.entity.EntityPage.GraphView;
import org.cikg.sparql.Terms;

/**
 * The small drawing of an entity's neighbourhood on its page: the entity in the centre, up to
 * {@value #MAX_NEIGHBOURS} entities it links to or that link to it on an ellipse around it, each coloured by kind
 * (person, organisation, place, policy, other), laid out for inline SVG.
 */
final class NeighbourhoodDrawing {
    private static final int MAX_NEIGHBOURS = 18;

    private final Model m;
    private final Resource entity;
    private final LabelLanguage lang;

    NeighbourhoodDrawing(Model m, Resource entity, LabelLanguage lang) {
        this.m = m;
        this.entity = entity;
        this.lang = lang;
    }

    GraphView view() {
        int w = 760;
        int h = 440;
        double cx = w / 2.0;
        double cy = h / 2.0;
        Map<Resource, String> neighbours = new LinkedHashMap<>();
        for (Statement s : entity.listProperties().toList()) {
            if (!EntityPageAssembler.NOT_FACTS.contains(s.getPredicate())
                    && isEntity(s.getObject())
                    && !s.getObject().equals(entity)) {
                neighbours.merge(s.getObject().asResource(), Labels.text(s.getPredicate(), "en"), (a, b) -> a);
            }
        }
        for (Statement s : m.listStatements(null, null, entity).toList()) {
            if (isEntity(s.getSubject())
                    && !s.getSubject().equals(entity)
                    && !s.getSubject().hasProperty(RDF.type, Vocab.INDICATOR)) {
                neighbours.merge(s.getSubject(), Labels.text(s.getPredicate(), "en"), (a, b) -> a);
            }
        }
        List<Map.Entry<Resource, String>> chosen = new ArrayList<>(neighbours.entrySet());
        if (chosen.size() > MAX_NEIGHBOURS) {
            chosen = chosen.subList(0, MAX_NEIGHBOURS);
        }
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphEdge> edges = new ArrayList<>();
        String centreLabel = Labels.text(entity, lang.code());
        int n = chosen.size();
        // An ellipse that leaves room for the labels on either side.
        double rx = 150;
        double ry = cy - 45;
        for (int i = 0; i < n; i++) {
            double a = -Math.PI / 2 + 2 * Math.PI * i / Math.max(n, 1);
            double x = round(cx + rx * Math.cos(a));
            double y = round(cy + ry * Math.sin(a));
            Resource res = chosen.get(i).getKey();
            Link l = Labels.link(res, lang);
            String anchor = x > cx + 20 ? "start" : x < cx - 20 ? "end" : "middle";
            double lx = anchor.equals("start") ? x + 11 : anchor.equals("end") ? x - 11 : x;
            double ly = anchor.equals("middle") ? (y < cy ? y - 13 : y + 22) : y + 4;
            nodes.add(new GraphNode(
                    x, y, round(lx), round(ly), anchor, shorten(l.text()), l.text(), l.href(), kind(res), false));
            edges.add(new GraphEdge(cx, cy, x, y, chosen.get(i).getValue()));
        }
        nodes.add(new GraphNode(
                cx, cy, cx, cy + 30, "middle", shorten(centreLabel), centreLabel, null, kind(entity), true));
        return new GraphView(w, h, nodes, edges);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** A label cut to fit the drawing, at a word's end where it can be (screen readers get the whole name). */
    private static String shorten(String s) {
        if (s.length() <= 22) {
            return s;
        }
        int space = s.lastIndexOf(' ', 21);
        return (space >= 8 ? s.substring(0, space).replaceFirst("[\\s(,;:-]+$", "") : s.substring(0, 21)) + "…";
    }

    private static boolean isEntity(RDFNode n) {
        return n.isURIResource() && Terms.slugOf(n.asNode()) != null;
    }

    private static final Map<String, String> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("Person", "person");
        KINDS.put("Organization", "org");
        KINDS.put("Place", "place");
        KINDS.put("Policy", "policy");
        KINDS.put("Position", "other");
    }

    private static String kind(Resource r) {
        Set<String> types = new LinkedHashSet<>();
        r.listProperties(RDF.type).forEachRemaining(s -> {
            if (s.getObject().isURIResource()) {
                types.add(s.getObject().asResource().getLocalName());
            }
        });
        for (Map.Entry<String, String> k : KINDS.entrySet()) {
            if (types.contains(k.getKey())) {
                return k.getValue();
            }
        }
        if (types.contains("Company") || types.contains("Startup")) {
            return "org";
        }
        if (types.contains("City")
                || types.contains("Province")
                || types.contains("District")
                || types.contains("Zone")
                || types.contains("Country")
                || types.contains("MacroRegion")) {
            return "place";
        }
        return "other";
    }
}
