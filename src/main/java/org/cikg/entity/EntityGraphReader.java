package org.cikg.entity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.cikg.store.Graphs;

/**
 * The graph of one entity read straight from the embedded store's indexes, in one read transaction: the same triples
 * {@code queries/system/entity-graph.rq} constructs (that file stays the definition; {@code EntityGraphReaderTest}
 * holds the two to the same graph for every entity of the curated data), without parsing, planning and joining a
 * query of eleven unions per request. Every step is an index lookup with at least one term bound: the entity's own
 * triples (SPO), what points at it (OSP), its statement nodes (POS on {@code rdf:subject}/{@code rdf:object}), then
 * the labels and types of the neighbours, the properties and the sources in one pass over the distinct nodes.
 *
 * <p>Only for the store as it is now: a view of the store as of a year (a tuple filter in the query context) keeps
 * going through the query.
 */
final class EntityGraphReader {
    private static final Node CIKG_LOCATED_IN = Vocab.LOCATED_IN.asNode();
    private static final Node ABOUT = Vocab.ABOUT.asNode();
    private static final Node HELD_POSITION = Vocab.cikg("heldPosition").asNode();
    private static final Node RANK = Vocab.cikg("rank").asNode();
    private static final Node VALUE_QUALIFIER = Vocab.cikg("valueQualifier").asNode();
    private static final Node DERIVED_FROM = Vocab.WAS_DERIVED_FROM.asNode();
    private static final Node TYPE = RDF.type.asNode();
    private static final Node LABEL = RDFS.label.asNode();
    private static final Node SUBJECT = RDF.subject.asNode();
    private static final Node OBJECT = RDF.object.asNode();
    private static final Node STATEMENT = RDF.Statement.asNode();
    private static final List<Node> SOURCE_DETAILS =
            List.of(TYPE, DCTerms.title.asNode(), DCTerms.language.asNode(), LABEL, DCTerms.date.asNode());

    private final DatasetGraph dataset;

    EntityGraphReader(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    /** The entity's graph, empty when the store holds no triple with the entity as subject. */
    Graph read(Node entity) {
        return Txn.calculateRead(dataset, () -> build(entity));
    }

    /** The triples about the entity in the inferred graph, as {@code entity-inferred.rq} selects them. */
    Set<Triple> inferred(Node entity) {
        return Txn.calculateRead(dataset, () -> {
            Graph g = dataset.getGraph(Graphs.INFERRED);
            Set<Triple> out =
                    new java.util.HashSet<>(g.find(entity, Node.ANY, Node.ANY).toList());
            g.find(Node.ANY, Node.ANY, entity)
                    .filterDrop(t -> t.getPredicate().equals(CIKG_LOCATED_IN))
                    .forEachRemaining(out::add);
            return out;
        });
    }

    private Graph build(Node e) {
        Graph union = dataset.getUnionGraph();
        Graph data = dataset.getGraph(Graphs.DATA);
        Graph out = GraphFactory.createDefaultGraph();
        List<Triple> own = union.find(e, Node.ANY, Node.ANY).toList();
        own.forEach(out::add);
        List<Triple> in = union.find(Node.ANY, Node.ANY, e).toList();
        List<Triple> assertedIn = data.find(Node.ANY, CIKG_LOCATED_IN, e).toList();
        for (Triple t : in) {
            if (!t.getPredicate().equals(SUBJECT)
                    && !t.getPredicate().equals(OBJECT)
                    && !t.getPredicate().equals(CIKG_LOCATED_IN)) {
                out.add(t);
            }
        }
        assertedIn.forEach(out::add);

        // Statement nodes about the entity (either end), then the figures about it.
        Set<Node> stmts = new LinkedHashSet<>();
        union.find(Node.ANY, SUBJECT, e).forEachRemaining(t -> stmts.add(t.getSubject()));
        union.find(Node.ANY, OBJECT, e).forEachRemaining(t -> stmts.add(t.getSubject()));
        Set<Node> concepts = new LinkedHashSet<>();
        Set<Node> sources = new LinkedHashSet<>();
        for (Node st : stmts) {
            union.find(st, RANK, Node.ANY).forEachRemaining(t -> concepts.add(t.getObject()));
            statement(union, st, out, sources);
        }
        Set<Node> figures = new LinkedHashSet<>();
        union.find(Node.ANY, ABOUT, e).forEachRemaining(t -> figures.add(t.getSubject()));
        for (Node x : figures) {
            union.find(x, VALUE_QUALIFIER, Node.ANY).forEachRemaining(t -> concepts.add(t.getObject()));
            union.find(x, Node.ANY, Node.ANY).forEachRemaining(out::add);
            List<Node> claims =
                    union.find(Node.ANY, SUBJECT, x).mapWith(Triple::getSubject).toList();
            for (Node st : claims) {
                statement(union, st, out, sources);
            }
        }
        for (Triple t : own) {
            if (t.getPredicate().equals(HELD_POSITION)) {
                union.find(t.getObject(), Node.ANY, Node.ANY).forEachRemaining(out::add);
            }
        }
        for (Node src : sources) {
            for (Node p : SOURCE_DETAILS) {
                union.find(src, p, Node.ANY).forEachRemaining(out::add);
            }
            for (Triple pub :
                    union.find(src, DCTerms.publisher.asNode(), Node.ANY).toList()) {
                out.add(pub);
                labels(union, pub.getObject(), EntityGraphReader::english, out);
            }
        }
        for (Node c : concepts) {
            union.find(c, SKOS.notation.asNode(), Node.ANY).forEachRemaining(out::add);
            labels(union, c, EntityGraphReader::english, out);
        }

        // Neighbours (labelled IRIs at either end, the asserted places in it) and the properties used.
        Set<Node> neighbours = new LinkedHashSet<>();
        Set<Node> properties = new LinkedHashSet<>();
        for (Triple t : own) {
            neighbours.add(t.getObject());
            properties.add(t.getPredicate());
        }
        for (Triple t : in) {
            Node p = t.getPredicate();
            if (!p.equals(SUBJECT) && !p.equals(OBJECT) && !p.equals(CIKG_LOCATED_IN)) {
                neighbours.add(t.getSubject());
            }
            if (!p.equals(CIKG_LOCATED_IN)) {
                properties.add(p);
            }
        }
        for (Triple t : assertedIn) {
            neighbours.add(t.getSubject());
            properties.add(CIKG_LOCATED_IN);
        }
        for (Node n : neighbours) {
            if (n.isURI()) {
                List<Triple> labels = union.find(n, LABEL, Node.ANY).toList();
                if (!labels.isEmpty()) {
                    labels.forEach(out::add);
                    union.find(n, TYPE, Node.ANY).forEachRemaining(out::add);
                }
            }
        }
        for (Node p : properties) {
            union.find(p, LABEL, Node.ANY).forEachRemaining(out::add);
        }
        return out;
    }

    /** A statement node's own triples and its sources, when it is typed {@code rdf:Statement}. */
    private static void statement(Graph union, Node st, Graph out, Set<Node> sources) {
        if (!union.contains(st, TYPE, STATEMENT)) {
            return;
        }
        List<Triple> all = new ArrayList<>();
        union.find(st, Node.ANY, Node.ANY).forEachRemaining(all::add);
        for (Triple t : all) {
            out.add(t);
            if (t.getPredicate().equals(DERIVED_FROM)) {
                sources.add(t.getObject());
            }
        }
    }

    private static void labels(Graph union, Node n, Predicate<Node> which, Graph out) {
        union.find(n, LABEL, Node.ANY)
                .filterKeep(t -> which.test(t.getObject()))
                .forEachRemaining(out::add);
    }

    /** {@code LANGMATCHES(LANG(?x), "en")}. */
    private static boolean english(Node n) {
        if (!n.isLiteral()) {
            return false;
        }
        String lang = n.getLiteralLanguage().toLowerCase(Locale.ROOT);
        return lang.equals("en") || lang.startsWith("en-");
    }
}
