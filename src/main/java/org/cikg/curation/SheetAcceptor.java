package org.cikg.curation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.cikg.core.Namespaces;

/**
 * Turns the accepted claim rows of a review sheet into triples: the plain claim and its {@code rdf:Statement}
 * {@code kgst:{NNN}-{line}-{k}} with {@code prov:wasDerivedFrom} the source, {@code cikg:paragraph} and
 * {@code cikg:certainty} (numbers {@code k} continue after those already in the data for that line). Rows that
 * name an unknown entity or property are reported, not guessed.
 */
public final class SheetAcceptor {
    private static final Node DERIVED = NodeFactory.createURI(Namespaces.PROV + "wasDerivedFrom");

    /** The triples, and what was wrong with rows that could not become triples. */
    public record Accepted(Graph graph, int claims, List<String> problems) {}

    private final CurationGraph graph;

    public SheetAcceptor(CurationGraph graph) {
        this.graph = graph;
    }

    public Accepted accept(String stem, List<ReviewSheet.Row> rows) {
        Graph out = CurationGraph.newGraph();
        List<String> problems = new ArrayList<>();
        String prefix = stem.matches("\\d+_.*") ? stem.substring(0, stem.indexOf('_')) : stem;
        Map<Integer, Integer> next = new HashMap<>(graph.lastStatementNumbers(prefix));
        Node source = NodeFactory.createURI(Namespaces.KGSRC + stem);
        int claims = 0;
        int rowNo = 1;
        for (ReviewSheet.Row r : rows) {
            rowNo++;
            if (!r.accepted() || !"claim".equals(r.kind()) && !"pair".equals(r.kind())) {
                continue;
            }
            if (!r.source().isEmpty() && !r.source().equals(stem)) {
                problems.add("row " + rowNo + ": source '" + r.source() + "' is not " + stem);
                continue;
            }
            Node s = entity(r.subject(), rowNo, "subject", problems);
            Node o = entity(r.object(), rowNo, "object", problems);
            Node p = property(r.predicate(), rowNo, problems);
            if (s == null || o == null || p == null) {
                continue;
            }
            out.add(CurationGraph.triple(s, p, o));
            int k = next.merge(r.paragraph(), 1, Integer::sum);
            Node st = NodeFactory.createURI(Namespaces.KGST + prefix + "-" + r.paragraph() + "-" + k);
            out.add(CurationGraph.triple(st, RDF.type.asNode(), RDF.Statement.asNode()));
            out.add(CurationGraph.triple(st, RDF.subject.asNode(), s));
            out.add(CurationGraph.triple(st, RDF.predicate.asNode(), p));
            out.add(CurationGraph.triple(st, RDF.object.asNode(), o));
            out.add(CurationGraph.triple(st, DERIVED, source));
            out.add(CurationGraph.triple(
                    st,
                    cikg("paragraph"),
                    NodeFactory.createLiteralDT(Integer.toString(r.paragraph()), XSDDatatype.XSDinteger)));
            out.add(CurationGraph.triple(
                    st,
                    cikg("certainty"),
                    NodeFactory.createLiteralString(r.certainty().isEmpty() ? "stated" : r.certainty())));
            claims++;
        }
        return new Accepted(out, claims, problems);
    }

    private Node entity(String cell, int row, String column, List<String> problems) {
        String slug = cell.startsWith(Namespaces.KGID)
                ? cell.substring(Namespaces.KGID.length())
                : cell.startsWith("kgid:") ? cell.substring(5) : cell;
        if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            problems.add("row " + row + ": " + column + " '" + cell + "' is not an entity slug");
            return null;
        }
        String iri = Namespaces.KGID + slug;
        if (!graph.isEntity(iri)) {
            problems.add("row " + row + ": " + column + " '" + slug + "' is not an entity of the data");
            return null;
        }
        return NodeFactory.createURI(iri);
    }

    private Node property(String cell, int row, List<String> problems) {
        String local = cell.startsWith(Namespaces.CIKG)
                ? cell.substring(Namespaces.CIKG.length())
                : cell.startsWith("cikg:") ? cell.substring(5) : cell;
        String iri = Namespaces.CIKG + local;
        if (local.isEmpty()
                || graph.objectProperties().stream().noneMatch(p -> p.property().equals(iri))) {
            problems.add("row " + row + ": predicate '" + cell + "' is not an object property of the ontology");
            return null;
        }
        return NodeFactory.createURI(iri);
    }

    private static Node cikg(String local) {
        return NodeFactory.createURI(Namespaces.CIKG + local);
    }
}
