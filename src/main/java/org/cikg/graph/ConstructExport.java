package org.cikg.graph;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.cikg.config.KgProperties;
import org.cikg.core.LabelPicker;
import org.cikg.core.Namespaces;
import org.cikg.problem.BadRequestException;
import org.cikg.problem.PayloadTooLargeException;
import org.cikg.sparql.CatalogQuery;
import org.cikg.sparql.DeadlineRegex;
import org.cikg.sparql.QueryCatalog;
import org.cikg.store.KnowledgeStore;
import org.springframework.stereotype.Component;

/**
 * A user's SPARQL CONSTRUCT turned into a {@link SubGraph}: only CONSTRUCT is accepted (an update does not even
 * parse as a query), {@code SERVICE} is refused wherever it appears (also inside sub-queries and
 * {@code EXISTS}), the body is size-limited, a regular expression pattern may be at most
 * {@code kg.sparql.regex-max-length} long, and the query runs through the store's runner with the usual timeout.
 *
 * <p>Triples whose object is an IRI become edges (their statement nodes looked up for provenance), literals become
 * node attributes, {@code rdf:type} and {@code rdfs:label} the node's class and label; entities of ours get the
 * same labels and classes as in neighbourhood exports.
 */
@Component
public class ConstructExport {
    private final KnowledgeStore store;
    private final QueryCatalog catalog;
    private final GraphProperties props;
    private final int regexMaxLength;

    ConstructExport(KnowledgeStore store, QueryCatalog catalog, GraphProperties props, KgProperties kg) {
        this.store = store;
        this.catalog = catalog;
        this.props = props;
        this.regexMaxLength = kg.sparql().regexMaxLength();
    }

    /** Parses and checks the query; 400 for anything but a CONSTRUCT without SERVICE, 413 for a long one. */
    Query parse(String text) {
        if (text == null || text.isBlank()) {
            throw new BadRequestException("The request body must be a SPARQL CONSTRUCT query");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > props.maxQueryBytes()) {
            throw new PayloadTooLargeException("The query is longer than " + props.maxQueryBytes() + " bytes");
        }
        Query q;
        try {
            q = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        } catch (QueryException e) {
            throw new BadRequestException("Not a SPARQL query (updates are not accepted here): " + e.getMessage());
        }
        if (!q.isConstructType()) {
            throw new BadRequestException(
                    "Only graph-building queries (the CONSTRUCT form) are accepted, not %s".formatted(q.queryType()));
        }
        if (usesService(q)) {
            throw new BadRequestException("SERVICE (federated query) is not allowed");
        }
        DeadlineRegex.tooLongPattern(q, regexMaxLength).ifPresent(p -> {
            throw new BadRequestException("A regular expression is " + p.length() + " characters long; at most "
                    + regexMaxLength + " are allowed");
        });
        return q;
    }

    /** Whether SERVICE appears anywhere: in the syntax tree and in the algebra, EXISTS and sub-queries included. */
    static boolean usesService(Query q) {
        boolean[] found = {false};
        if (q.getQueryPattern() != null) {
            ElementWalker.walk(q.getQueryPattern(), new ElementVisitorBase() {
                @Override
                public void visit(ElementService el) {
                    found[0] = true;
                }
            });
        }
        Op op = Algebra.compile(q);
        OpVisitorBase opVisitor = new OpVisitorBase() {
            @Override
            public void visit(OpService op) {
                found[0] = true;
            }
        };
        ExprVisitorBase exprVisitor = new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionOp funcOp) {
                if (funcOp.getGraphPattern() != null) {
                    Walker.walk(funcOp.getGraphPattern(), opVisitor, this);
                }
            }
        };
        Walker.walk(op, opVisitor, exprVisitor);
        return found[0];
    }

    public SubGraph run(String text, String lang, int limit) {
        Query q = parse(text);
        CatalogQuery cq = new CatalogQuery("user CONSTRUCT", "user CONSTRUCT", "", List.of(), "", text, q);
        Graph g = store.runner().construct(cq, Map.of());
        return store.runner().read(() -> convert(g, lang, limit));
    }

    private SubGraph convert(Graph g, String lang, int limit) {
        GraphLookups lookups = new GraphLookups(store.runner(), catalog, lang);
        Map<Node, String> types = new LinkedHashMap<>();
        Map<Node, List<Node>> labels = new LinkedHashMap<>();
        Map<Node, Map<String, List<Node>>> attributes = new LinkedHashMap<>();
        Set<Node> nodes = new LinkedHashSet<>();
        EdgeSet edges = new EdgeSet();
        for (Triple t : g.find().toList()) {
            Node s = t.getSubject();
            Node p = t.getPredicate();
            Node o = t.getObject();
            if (!s.isURI()) {
                continue;
            }
            nodes.add(s);
            if (p.equals(RDF.type.asNode()) && o.isURI()) {
                types.merge(s, o.getURI(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            } else if (p.equals(RDFS.label.asNode()) && o.isLiteral()) {
                labels.computeIfAbsent(s, k -> new ArrayList<>()).add(o);
            } else if (o.isLiteral()) {
                attributes
                        .computeIfAbsent(s, k -> new TreeMap<>())
                        .computeIfAbsent(p.getURI(), k -> new ArrayList<>())
                        .add(o);
            } else if (o.isURI()) {
                nodes.add(o);
                if (!edges.contains(s, p, o)) {
                    edges.add(s, p, o, ours(s) && ours(o) ? lookups.statements(s, p, o) : List.of());
                }
                if (edges.size() > limit) {
                    throw new GraphTooLargeException(
                            limit,
                            "Narrow the CONSTRUCT (fewer patterns, a LIMIT in a "
                                    + "sub-query, VALUES for the entities wanted).");
                }
            }
        }
        List<SubGraph.Node> out = new ArrayList<>(nodes.size());
        for (Node n : nodes) {
            SubGraph.Node known = ours(n) ? lookups.describe(n).graphNode() : null;
            Node label =
                    LabelPicker.best(labels.getOrDefault(n, List.of()), lang).orElse(null);
            String typeIri = types.getOrDefault(n, known != null ? known.typeIri() : null);
            Map<String, List<Node>> attrs = new LinkedHashMap<>(attributes.getOrDefault(n, Map.of()));
            out.add(new SubGraph.Node(
                    n.getURI(),
                    label != null
                            ? label.getLiteralLexicalForm()
                            : known != null ? known.label() : GraphLookups.localName(n.getURI()),
                    label != null ? label.getLiteralLanguage() : known != null ? known.labelLang() : "",
                    typeIri != null ? GraphLookups.localName(typeIri) : "Thing",
                    typeIri,
                    attrs));
        }
        List<SubGraph.Edge> built = edges.build(lookups);
        return new SubGraph(out, built, lookups.sourceTitles(built));
    }

    private static boolean ours(Node n) {
        return n.isURI() && n.getURI().startsWith(Namespaces.KGID);
    }
}
