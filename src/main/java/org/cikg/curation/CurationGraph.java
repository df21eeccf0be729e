package org.cikg.curation;

import static org.cikg.core.Namespaces.CIKG;
import static org.cikg.core.Namespaces.KGID;
import static org.cikg.core.Namespaces.KGSRC;
import static org.cikg.core.Namespaces.KGST;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.cikg.core.LabelPicker;
import org.cikg.core.Namespaces;
import org.cikg.store.Graphs;
import org.cikg.store.load.LoadStage;
import org.cikg.store.load.ShapeValidator;
import org.cikg.store.load.SourceFiles;

/**
 * The ontology and the curated data as files, read into memory the way a load reads them (ontology graph, data
 * graph, inference rules materialised into the inferred graph): what curation matches text against and validates new
 * Turtle with, without a running service.
 *
 * <pre>{@code
 * CurationGraph g = CurationGraph.read(Path.of("ontology"), Path.of("data"), Path.of("queries/inference"));
 * g.names()                        // every label and alt-label of every kgid: entity
 * g.validateWith(extraTriples)     // the shapes' verdict on the data plus new triples
 * }</pre> *
 * <p>It stays one class of about 300 lines: each method is a short read of the same in-memory load (names, classes,
 * properties, statement numbers, the shapes' verdict), and splitting it would only pass that dataset around.
 */
public final class CurationGraph {
    /** Derived nodes (a post held, a measured figure): their labels are descriptions, not names a text uses. */
    static final Set<String> NOT_NAMED = Set.of(CIKG + "Indicator", CIKG + "Position");

    private final Path ontology;
    private final Path data;
    private final Path rules;
    private final DatasetGraph dsg;

    /** One name of an entity. */
    public record Name(String entity, String text, String lang, boolean altLabel) {}

    /** An object property of the ontology with the classes its domain and range allow (unions expanded). */
    public record PropertyRange(String property, Set<String> domain, Set<String> range) {}

    private CurationGraph(Path ontology, Path data, Path rules, DatasetGraph dsg) {
        this.ontology = ontology;
        this.data = data;
        this.rules = rules;
        this.dsg = dsg;
    }

    /**
     * Reads every RDF file under the two folders and materialises the inference rules of {@code rules}: the
     * service's own {@link LoadStage}, so curation sees the files exactly as a load would (same lister, same strict
     * parser, same rules).
     */
    public static CurationGraph read(Path ontology, Path data, Path rules) {
        return new CurationGraph(
                ontology, data, rules, stage(ontology, data, rules, null).dataset());
    }

    private static LoadStage.Staged stage(Path ontology, Path data, Path rules, Graph extra) {
        LoadStage stage = LoadStage.fromRules(rules);
        return stage.parse(SourceFiles.scan(ontology, data, stage.ruleFiles()), extra);
    }

    /**
     * Every label, alt-label and hidden label (an adjectival form, "chinois") of every entity in the id namespace,
     * except derived nodes (posts, indicators).
     */
    public List<Name> names() {
        return Txn.calculateRead(dsg, () -> {
            Graph g = dsg.getGraph(Graphs.DATA);
            List<Name> out = new ArrayList<>();
            for (Node p : List.of(RDFS.label.asNode(), SKOS.altLabel.asNode(), SKOS.hiddenLabel.asNode())) {
                g.find(Node.ANY, p, Node.ANY).forEachRemaining(t -> {
                    if (t.getSubject().isURI()
                            && t.getSubject().getURI().startsWith(KGID)
                            && t.getObject().isLiteral()
                            && !isDerived(t.getSubject())) {
                        out.add(new Name(
                                t.getSubject().getURI(),
                                t.getObject().getLiteralLexicalForm(),
                                t.getObject().getLiteralLanguage(),
                                !p.equals(RDFS.label.asNode())));
                    }
                });
            }
            return out;
        });
    }

    private boolean isDerived(Node entity) {
        for (String c : NOT_NAMED) {
            if (dsg.contains(Node.ANY, entity, RDF.type.asNode(), NodeFactory.createURI(c))) {
                return true;
            }
        }
        return false;
    }

    /** The entity's classes, asserted and inferred. */
    public Set<String> types(String entity) {
        return Txn.calculateRead(dsg, () -> {
            Set<String> out = new HashSet<>();
            dsg.find(Node.ANY, NodeFactory.createURI(entity), RDF.type.asNode(), Node.ANY)
                    .forEachRemaining(q -> {
                        if (q.getObject().isURI()) {
                            out.add(q.getObject().getURI());
                        }
                    });
            return out;
        });
    }

    /** The entity's label {@link LabelPicker} picks for English, else its slug. */
    public String englishLabel(String entity) {
        return Txn.calculateRead(dsg, () -> {
            List<Node> labels = dsg.getGraph(Graphs.DATA)
                    .find(NodeFactory.createURI(entity), RDFS.label.asNode(), Node.ANY)
                    .mapWith(Triple::getObject)
                    .toList();
            return LabelPicker.best(labels, "en")
                    .map(Node::getLiteralLexicalForm)
                    .orElse(entity.substring(entity.lastIndexOf('/') + 1));
        });
    }

    /** The class and every class above it (rdfs:subClassOf in the ontology, transitively). */
    public Set<String> withAncestors(String cls) {
        return Txn.calculateRead(dsg, () -> {
            Graph g = dsg.getGraph(Graphs.ONTOLOGY);
            Set<String> out = new HashSet<>();
            List<String> todo = new ArrayList<>(List.of(cls));
            while (!todo.isEmpty()) {
                String c = todo.remove(todo.size() - 1);
                if (out.add(c)) {
                    g.find(NodeFactory.createURI(c), RDFS.subClassOf.asNode(), Node.ANY)
                            .forEachRemaining(t -> {
                                if (t.getObject().isURI()) {
                                    todo.add(t.getObject().getURI());
                                }
                            });
                }
            }
            return out;
        });
    }

    /** The object properties the data (asserted or inferred) already holds from {@code s} to {@code o}. */
    public Set<String> propertiesBetween(String s, String o) {
        return Txn.calculateRead(dsg, () -> {
            Set<String> out = new HashSet<>();
            dsg.find(Node.ANY, NodeFactory.createURI(s), Node.ANY, NodeFactory.createURI(o))
                    .forEachRemaining(q -> {
                        if (q.getPredicate().getURI().startsWith(CIKG)) {
                            out.add(q.getPredicate().getURI());
                        }
                    });
            return out;
        });
    }

    /** Whether the entity is declared (has a type) in the data. */
    public boolean isEntity(String entity) {
        return Txn.calculateRead(
                dsg,
                () -> dsg.getGraph(Graphs.DATA).contains(NodeFactory.createURI(entity), RDF.type.asNode(), Node.ANY));
    }

    /** Whether a source document with this stem is already registered in the data. */
    public boolean isRegistered(String stem) {
        return Txn.calculateRead(
                dsg,
                () -> dsg.getGraph(Graphs.DATA)
                        .contains(NodeFactory.createURI(KGSRC + stem), RDF.type.asNode(), Node.ANY));
    }

    /** The ontology's object properties between entity classes, with their domains and ranges. */
    public List<PropertyRange> objectProperties() {
        return Txn.calculateRead(dsg, () -> {
            Graph g = dsg.getGraph(Graphs.ONTOLOGY);
            Map<String, PropertyRange> out = new LinkedHashMap<>();
            g.find(Node.ANY, RDF.type.asNode(), OWL.ObjectProperty.asNode()).forEachRemaining(t -> {
                Node p = t.getSubject();
                if (!p.isURI() || !p.getURI().startsWith(CIKG)) {
                    return;
                }
                Set<String> domain = classes(g, p, RDFS.domain.asNode());
                Set<String> range = classes(g, p, RDFS.range.asNode());
                if (!domain.isEmpty() && !range.isEmpty() && range.stream().allMatch(c -> c.startsWith(CIKG))) {
                    out.put(p.getURI(), new PropertyRange(p.getURI(), domain, range));
                }
            });
            return new ArrayList<>(out.values());
        });
    }

    private static Set<String> classes(Graph g, Node p, Node which) {
        Set<String> out = new HashSet<>();
        g.find(p, which, Node.ANY).forEachRemaining(t -> {
            Node c = t.getObject();
            if (c.isURI()) {
                out.add(c.getURI());
            } else {
                g.find(c, OWL.unionOf.asNode(), Node.ANY).forEachRemaining(u -> {
                    Node list = u.getObject();
                    while (list != null && !RDF.nil.asNode().equals(list)) {
                        Node first = first(g, list, RDF.first.asNode());
                        if (first != null && first.isURI()) {
                            out.add(first.getURI());
                        }
                        list = first(g, list, RDF.rest.asNode());
                    }
                });
            }
        });
        return out;
    }

    private static Node first(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    /** Statement nodes of one source: paragraph to the entities (subjects and objects in the id namespace). */
    public Map<Integer, Set<String>> statedEntitiesByParagraph(String stem) {
        return Txn.calculateRead(dsg, () -> {
            Graph g = dsg.getGraph(Graphs.DATA);
            Node src = NodeFactory.createURI(KGSRC + stem);
            Node derived = NodeFactory.createURI(Namespaces.PROV + "wasDerivedFrom");
            Map<Integer, Set<String>> out = new HashMap<>();
            g.find(Node.ANY, derived, src).forEachRemaining(t -> {
                Node st = t.getSubject();
                Node para = first(g, st, NodeFactory.createURI(CIKG + "paragraph"));
                if (para == null) {
                    return;
                }
                int n = Integer.parseInt(para.getLiteralLexicalForm());
                for (Node p : List.of(RDF.subject.asNode(), RDF.object.asNode())) {
                    Node e = first(g, st, p);
                    if (e != null && e.isURI() && e.getURI().startsWith(KGID) && !isDerived(e)) {
                        out.computeIfAbsent(n, k -> new HashSet<>()).add(e.getURI());
                    }
                }
            });
            return out;
        });
    }

    /** The highest {@code k} of the statement IRIs {@code kgst:{prefix}-{line}-{k}} already in the data, per line. */
    public Map<Integer, Integer> lastStatementNumbers(String prefix) {
        return Txn.calculateRead(dsg, () -> {
            Map<Integer, Integer> out = new HashMap<>();
            String start = KGST + prefix + "-";
            dsg.getGraph(Graphs.DATA)
                    .find(Node.ANY, RDF.type.asNode(), RDF.Statement.asNode())
                    .forEachRemaining(t -> {
                        String iri = t.getSubject().isURI() ? t.getSubject().getURI() : "";
                        if (iri.startsWith(start)) {
                            String[] parts = iri.substring(start.length()).split("-");
                            if (parts.length == 2 && parts[0].matches("\\d+") && parts[1].matches("\\d+")) {
                                out.merge(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Math::max);
                            }
                        }
                    });
            return out;
        });
    }

    /**
     * Validates the data plus {@code extra} against the shapes: the load's own SHACL gate, inference re-run over the
     * union. Reads the files again, so this graph is unchanged.
     */
    public ShapeValidator.Result validateWith(Graph extra) {
        return stage(ontology, data, rules, extra).validate();
    }

    /** A fresh in-memory graph. */
    static Graph newGraph() {
        return GraphFactory.createDefaultGraph();
    }

    static Triple triple(Node s, Node p, Node o) {
        return Triple.create(s, p, o);
    }
}
