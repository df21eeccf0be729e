package org.cikg.graph;

import java.io.OutputStream;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.cikg.core.Namespaces;

/**
 * The sub-graph as RDF (JSON-LD or Turtle, written by Jena RIOT): each edge as its plain triple plus its statement
 * nodes ({@code rdf:Statement} with subject, predicate, object, {@code prov:wasDerivedFrom}, {@code cikg:paragraph},
 * {@code cikg:certainty}, years), each node with its class, its label and its literal facts.
 */
final class RdfGraphWriter implements GraphWriter {
    private final RDFFormat format;
    /** The year the graph shows: a first comment line in Turtle (JSON-LD has no comments: the header says it). */
    private final Integer asOf;

    RdfGraphWriter(RDFFormat format) {
        this(format, null);
    }

    RdfGraphWriter(RDFFormat format, Integer asOf) {
        this.format = format;
        this.asOf = asOf;
    }

    @Override
    public void write(SubGraph g, OutputStream out) throws java.io.IOException {
        if (asOf != null && format.getLang().equals(org.apache.jena.riot.Lang.TURTLE)) {
            out.write(("# The graph as it stood in " + asOf + " (asOf=" + asOf + ")\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        RDFDataMgr.write(out, toGraph(g), format);
    }

    static Graph toGraph(SubGraph sg) {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping()
                .setNsPrefixes(Namespaces.of("rdf", "rdfs", "xsd", "prov", "cikg", "kgid", "kgsrc", "kgst"));
        for (SubGraph.Node n : sg.nodes()) {
            Node s = uri(n.id());
            if (n.typeIri() != null) {
                g.add(s, RDF.type.asNode(), uri(n.typeIri()));
            }
            g.add(
                    s,
                    RDFS.label.asNode(),
                    n.labelLang().isEmpty()
                            ? NodeFactory.createLiteralString(n.label())
                            : NodeFactory.createLiteralLang(n.label(), n.labelLang()));
            n.attributes().forEach((p, values) -> values.forEach(v -> g.add(s, uri(p), v)));
        }
        for (SubGraph.Edge e : sg.edges()) {
            g.add(uri(e.source()), uri(e.predicate()), uri(e.target()));
            for (SubGraph.Statement st : e.statements()) {
                Node n = st.id().startsWith("_:")
                        ? NodeFactory.createBlankNode(st.id().substring(2))
                        : uri(st.id());
                g.add(n, RDF.type.asNode(), RDF.Statement.asNode());
                g.add(n, RDF.subject.asNode(), uri(e.source()));
                g.add(n, RDF.predicate.asNode(), uri(e.predicate()));
                g.add(n, RDF.object.asNode(), uri(e.target()));
                if (st.source() != null) {
                    g.add(n, uri(Namespaces.PROV + "wasDerivedFrom"), uri(st.source()));
                }
                if (st.paragraph() != null) {
                    g.add(
                            n,
                            uri(Namespaces.CIKG + "paragraph"),
                            NodeFactory.createLiteralDT(st.paragraph().toString(), XSDDatatype.XSDinteger));
                }
                if (st.certainty() != null) {
                    g.add(n, uri(Namespaces.CIKG + "certainty"), NodeFactory.createLiteralString(st.certainty()));
                }
                for (var y :
                        List.of(new Object[] {"startYear", st.startYear()}, new Object[] {"endYear", st.endYear()})) {
                    if (y[1] != null) {
                        g.add(
                                n,
                                uri(Namespaces.CIKG + y[0]),
                                NodeFactory.createLiteralDT(y[1].toString(), XSDDatatype.XSDgYear));
                    }
                }
            }
        }
        return g;
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
