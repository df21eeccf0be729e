package org.cikg.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Substitute;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.vocabulary.RDF;
import org.cikg.explain.InferenceRules;
import org.cikg.store.Graphs;

/**
 * A benchmark-only prototype of the design the service does not use: recording, at materialisation, one derivation
 * node per inferred triple (the rule and the facts it used), so that raw SPARQL could read derivations from the
 * store. It runs the same rule files as the load ({@code queries/inference/*.ru}) to the same fixpoint, but as
 * {@code SELECT} over each rule's body (its {@code FILTER NOT EXISTS} guard kept), adding each new conclusion to the
 * inferred graph and, when recording, its derivation to a graph of its own, in the vocabulary of
 * {@code ontology/explanations.ttl}:
 *
 * <pre>
 * d a cikg:Derivation ; cikg:derivedBy rule ; cikg:conclusion c ; cikg:usedFact f1, f2 .
 * c a rdf:Statement ; rdf:subject s ; rdf:predicate p ; rdf:object o .
 * </pre>
 *
 * A used fact is the claim's own statement node when the data has one (no new triples), else a statement node minted
 * for it (four triples, shared by every derivation that uses the same fact: an earlier conclusion, an ontology fact,
 * or a property path of the ontology with {@code cikg:path}). Only the first derivation found for a triple is kept
 * (one per inferred triple), as the on-demand explanation also keeps one.
 *
 * <p>With {@code record=false} it is the same engine without the derivations: the difference between the two is the
 * recording alone, the difference from the load's own {@code Materializer} the engine.
 */
final class DerivationRecorder {
    static final Node DERIVATIONS = NodeFactory.createURI("https://w3id.org/cikg/graph/derivations");
    private static final String CIKG = "https://w3id.org/cikg/ontology#";
    private static final Node DERIVATION = NodeFactory.createURI(CIKG + "Derivation");
    private static final Node DERIVED_BY = NodeFactory.createURI(CIKG + "derivedBy");
    private static final Node CONCLUSION = NodeFactory.createURI(CIKG + "conclusion");
    private static final Node USED_FACT = NodeFactory.createURI(CIKG + "usedFact");
    private static final Node PATH = NodeFactory.createURI(CIKG + "path");
    private static final int MAX_ROUNDS = 10;

    private record Rule(Node iri, Query select, List<Triple> conclusions, List<TriplePath> patterns) {}

    private final List<Rule> rules = new ArrayList<>();
    private final boolean record;

    DerivationRecorder(Path queries, boolean record) {
        this.record = record;
        InferenceRules parsed = InferenceRules.fromQueries(queries);
        for (InferenceRules.Rule r : parsed.rules()) {
            Path file = queries.resolve("inference").resolve(r.name() + ".ru");
            UpdateRequest request;
            try {
                request = UpdateFactory.create(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            UpdateModify modify = (UpdateModify) request.getOperations().get(0);
            Query select = new Query();
            select.setQuerySelectType();
            select.setQueryResultStar(true);
            select.setQueryPattern(modify.getWherePattern());
            select.setPrefixMapping(request.getPrefixMapping());
            rules.add(new Rule(
                    NodeFactory.createURI("https://w3id.org/cikg/rule/" + r.name()),
                    select,
                    modify.getInsertQuads().stream().map(Quad::asTriple).toList(),
                    r.patterns()));
        }
    }

    /** Runs the rules to a fixpoint in the caller's write transaction; returns the size of the inferred graph. */
    long run(DatasetGraph dsg) {
        long before = -1;
        long now = dsg.getGraph(Graphs.INFERRED).size();
        int round = 0;
        while (now != before && round < MAX_ROUNDS) {
            round++;
            for (Rule rule : rules) {
                List<Binding> rows = new ArrayList<>();
                try (QueryExec qe = QueryExec.dataset(dsg).query(rule.select()).build()) {
                    RowSet rs = qe.select();
                    rs.forEachRemaining(rows::add);
                }
                for (Binding b : rows) {
                    for (Triple c : rule.conclusions()) {
                        Triple t = Substitute.substitute(c, b);
                        if (!t.isConcrete()
                                || dsg.contains(Graphs.INFERRED, t.getSubject(), t.getPredicate(), t.getObject())) {
                            continue;
                        }
                        dsg.add(Graphs.INFERRED, t.getSubject(), t.getPredicate(), t.getObject());
                        if (record) {
                            derivation(dsg, rule, t, b);
                        }
                    }
                }
            }
            before = now;
            now = dsg.getGraph(Graphs.INFERRED).size();
        }
        return now;
    }

    private void derivation(DatasetGraph dsg, Rule rule, Triple conclusion, Binding b) {
        Node d = NodeFactory.createURI("https://w3id.org/cikg/derivation/" + hash(rule.iri() + " " + conclusion));
        dsg.add(DERIVATIONS, d, RDF.type.asNode(), DERIVATION);
        dsg.add(DERIVATIONS, d, DERIVED_BY, rule.iri());
        dsg.add(DERIVATIONS, d, CONCLUSION, minted(dsg, conclusion));
        for (TriplePath tp : rule.patterns()) {
            Node s = Substitute.substitute(tp.getSubject(), b);
            Node o = Substitute.substitute(tp.getObject(), b);
            if (!s.isConcrete() || !o.isConcrete()) {
                continue;
            }
            if (tp.isTriple()) {
                Triple fact = Triple.create(s, Substitute.substitute(tp.getPredicate(), b), o);
                if (fact.isConcrete()) {
                    dsg.add(DERIVATIONS, d, USED_FACT, statementOf(dsg, fact));
                }
            } else {
                String path = tp.getPath().toString();
                Node st = NodeFactory.createURI(
                        "https://w3id.org/cikg/statement/derived-" + hash(s + " " + path + " " + o));
                dsg.add(DERIVATIONS, st, RDF.type.asNode(), RDF.Statement.asNode());
                dsg.add(DERIVATIONS, st, RDF.subject.asNode(), s);
                dsg.add(DERIVATIONS, st, PATH, NodeFactory.createLiteralString(path));
                dsg.add(DERIVATIONS, st, RDF.object.asNode(), o);
                dsg.add(DERIVATIONS, d, USED_FACT, st);
            }
        }
    }

    /** The claim's own statement node in the data graph, or one minted for the fact. */
    private static Node statementOf(DatasetGraph dsg, Triple fact) {
        Iterator<Quad> it = dsg.find(Graphs.DATA, Node.ANY, RDF.subject.asNode(), fact.getSubject());
        while (it.hasNext()) {
            Node st = it.next().getSubject();
            if (dsg.contains(Graphs.DATA, st, RDF.predicate.asNode(), fact.getPredicate())
                    && dsg.contains(Graphs.DATA, st, RDF.object.asNode(), fact.getObject())) {
                return st;
            }
        }
        return minted(dsg, fact);
    }

    private static Node minted(DatasetGraph dsg, Triple t) {
        Node st = NodeFactory.createURI("https://w3id.org/cikg/statement/derived-" + hash(t.toString()));
        dsg.add(DERIVATIONS, st, RDF.type.asNode(), RDF.Statement.asNode());
        dsg.add(DERIVATIONS, st, RDF.subject.asNode(), t.getSubject());
        dsg.add(DERIVATIONS, st, RDF.predicate.asNode(), t.getPredicate());
        dsg.add(DERIVATIONS, st, RDF.object.asNode(), t.getObject());
        return st;
    }

    private static String hash(String s) {
        return UUID.nameUUIDFromBytes(s.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The ontology files (Turtle) of a folder, sorted. */
    static List<Path> ontologyFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".ttl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
