package org.cikg.graph;

import java.io.OutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * GraphML (http://graphml.graphdrawing.org/): a directed graph whose node ids are entity IRIs, with a typed
 * {@code <key>} for every attribute: {@code label}, {@code type}, {@code color} (the class colour,
 * {@link ClassPalette}, {@code #rrggbb}) and each literal fact on nodes (years as {@code long}; several values as
 * {@link NodeAttributes} says); {@code predicate},
 * {@code label}, {@code startYear}, {@code endYear} ({@code int}), {@code certainty} and {@code sources}
 * ({@code "source#paragraph"} entries separated by spaces) on edges. Written with {@link XMLStreamWriter}, so
 * every value is escaped.
 */
final class GraphMlWriter implements GraphWriter {
    static final String NS = "http://graphml.graphdrawing.org/xmlns";
    /** The year the graph shows ({@code asOf}, a graph-level {@code <data key="g_asOf">}); null: the graph now. */
    private final Integer asOf;

    GraphMlWriter() {
        this(null);
    }

    GraphMlWriter(Integer asOf) {
        this.asOf = asOf;
    }

    @Override
    public void write(SubGraph g, OutputStream out) {
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("graphml");
            w.writeDefaultNamespace(NS);
            w.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            w.writeAttribute(
                    "http://www.w3.org/2001/XMLSchema-instance",
                    "schemaLocation",
                    NS + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
            List<NodeAttributes.Column> columns = NodeAttributes.columns(g);
            keys(w, columns, asOf);
            w.writeCharacters("\n");
            w.writeStartElement("graph");
            w.writeAttribute("id", "cikg");
            w.writeAttribute("edgedefault", "directed");
            if (asOf != null) {
                data(w, "g_asOf", asOf.toString());
            }
            for (SubGraph.Node n : g.nodes()) {
                node(w, n, columns);
            }
            for (SubGraph.Edge e : g.edges()) {
                edge(w, e);
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("GraphML writing failed", e);
        }
    }

    /** A typed {@code <key>} for every attribute of nodes and edges. */
    private static void keys(XMLStreamWriter w, List<NodeAttributes.Column> columns, Integer asOf)
            throws XMLStreamException {
        key(w, "n_label", "node", "label", "string");
        key(w, "n_type", "node", "type", "string");
        key(w, "n_color", "node", "color", "string");
        for (int i = 0; i < columns.size(); i++) {
            key(w, "n_a" + i, "node", columns.get(i).name(), columns.get(i).type());
        }
        key(w, "e_predicate", "edge", "predicate", "string");
        key(w, "e_label", "edge", "label", "string");
        key(w, "e_startYear", "edge", "startYear", "int");
        key(w, "e_endYear", "edge", "endYear", "int");
        key(w, "e_certainty", "edge", "certainty", "string");
        key(w, "e_sources", "edge", "sources", "string");
        if (asOf != null) {
            key(w, "g_asOf", "graph", "asOf", "int");
        }
    }

    private static void node(XMLStreamWriter w, SubGraph.Node n, List<NodeAttributes.Column> columns)
            throws XMLStreamException {
        w.writeCharacters("\n");
        w.writeStartElement("node");
        w.writeAttribute("id", n.id());
        data(w, "n_label", n.label());
        data(w, "n_type", n.type());
        data(w, "n_color", ClassPalette.colour(n.type()));
        for (int i = 0; i < columns.size(); i++) {
            data(w, "n_a" + i, NodeAttributes.text(n, columns.get(i)));
        }
        w.writeEndElement();
    }

    private static void edge(XMLStreamWriter w, SubGraph.Edge e) throws XMLStreamException {
        w.writeCharacters("\n");
        w.writeStartElement("edge");
        w.writeAttribute("id", e.id());
        w.writeAttribute("source", e.source());
        w.writeAttribute("target", e.target());
        data(w, "e_predicate", e.predicate());
        data(w, "e_label", e.label());
        data(w, "e_startYear", e.startYear() == null ? null : e.startYear().toString());
        data(w, "e_endYear", e.endYear() == null ? null : e.endYear().toString());
        data(w, "e_certainty", e.certainty());
        data(w, "e_sources", GraphWriter.sourceList(e));
        w.writeEndElement();
    }

    private static void key(XMLStreamWriter w, String id, String forWhat, String name, String type)
            throws XMLStreamException {
        w.writeCharacters("\n");
        w.writeEmptyElement("key");
        w.writeAttribute("id", id);
        w.writeAttribute("for", forWhat);
        w.writeAttribute("attr.name", name);
        w.writeAttribute("attr.type", type);
    }

    private static void data(XMLStreamWriter w, String key, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        w.writeStartElement("data");
        w.writeAttribute("key", key);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
