package org.cikg.graph;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * GEXF 1.3 (https://gexf.net/), Gephi's own format: a directed graph whose node ids are entity IRIs, declared node
 * attributes ({@code type} and each literal fact, typed) and edge attributes ({@code predicate}, {@code certainty},
 * {@code sources}, {@code startYear}, {@code endYear}), edge labels from the predicate's label. Dated edges carry
 * {@code start} / {@code end} (years, {@code timeformat="integer"}; an edge with a start and no end lasts), and the
 * graph is then {@code mode="dynamic"}, so Gephi's timeline can filter by year. GEXF's time formats are
 * integer, double, date and dateTime; years are written as integers.
 */
final class GexfWriter implements GraphWriter {
    /** The year the graph shows, said in the {@code <meta>} description; null: the graph now. */
    private final Integer asOf;

    GexfWriter() {
        this(null);
    }

    GexfWriter(Integer asOf) {
        this.asOf = asOf;
    }

    static final String NS = "http://gexf.net/1.3";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    @Override
    public void write(SubGraph g, OutputStream out) {
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            boolean dynamic = g.edges().stream().anyMatch(e -> e.startYear() != null || e.endYear() != null);
            List<NodeAttributes.Column> columns = NodeAttributes.columns(g);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("gexf");
            w.writeDefaultNamespace(NS);
            w.writeNamespace("xsi", XSI);
            w.writeAttribute(XSI, "schemaLocation", NS + " http://gexf.net/1.3/gexf.xsd");
            w.writeAttribute("version", "1.3");
            w.writeCharacters("\n");
            meta(w, asOf);
            w.writeStartElement("graph");
            w.writeAttribute("defaultedgetype", "directed");
            w.writeAttribute("mode", dynamic ? "dynamic" : "static");
            if (dynamic) {
                w.writeAttribute("timeformat", "integer");
                w.writeAttribute("timerepresentation", "interval");
            }
            w.writeCharacters("\n");
            attributes(w, columns);
            nodes(w, g, columns);
            edges(w, g);
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("GEXF writing failed", e);
        }
    }

    private static void meta(XMLStreamWriter w, Integer asOf) throws XMLStreamException {
        w.writeStartElement("meta");
        w.writeAttribute("lastmodifieddate", LocalDate.now(ZoneOffset.UTC).toString());
        element(w, "creator", "China Innovation Knowledge Graph (cikg)");
        element(w, "description", "Sub-graph export; node ids are entity IRIs"
                + (asOf == null ? "" : "; the graph as it stood in " + asOf + " (asOf=" + asOf + ")"));
        w.writeEndElement();
        w.writeCharacters("\n");
    }

    /** The declared node attributes ({@code type} and each literal fact, typed) and edge attributes. */
    private static void attributes(XMLStreamWriter w, List<NodeAttributes.Column> columns) throws XMLStreamException {
        w.writeStartElement("attributes");
        w.writeAttribute("class", "node");
        w.writeAttribute("mode", "static");
        attribute(w, "type", "type", "string");
        for (int i = 0; i < columns.size(); i++) {
            attribute(w, "a" + i, columns.get(i).name(), columns.get(i).type());
        }
        w.writeEndElement();
        w.writeCharacters("\n");
        w.writeStartElement("attributes");
        w.writeAttribute("class", "edge");
        w.writeAttribute("mode", "static");
        attribute(w, "predicate", "predicate", "anyURI");
        attribute(w, "certainty", "certainty", "string");
        attribute(w, "sources", "sources", "string");
        attribute(w, "startYear", "startYear", "integer");
        attribute(w, "endYear", "endYear", "integer");
        w.writeEndElement();
        w.writeCharacters("\n");
    }

    private static void nodes(XMLStreamWriter w, SubGraph g, List<NodeAttributes.Column> columns)
            throws XMLStreamException {
        w.writeStartElement("nodes");
        for (SubGraph.Node n : g.nodes()) {
            w.writeCharacters("\n");
            w.writeStartElement("node");
            w.writeAttribute("id", n.id());
            w.writeAttribute("label", n.label());
            w.writeStartElement("attvalues");
            attvalue(w, "type", n.type());
            for (int i = 0; i < columns.size(); i++) {
                attvalue(w, "a" + i, NodeAttributes.text(n, columns.get(i)));
            }
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeCharacters("\n");
        w.writeEndElement();
        w.writeCharacters("\n");
    }

    /** The edges; a dated edge carries {@code start} and {@code end}. */
    private static void edges(XMLStreamWriter w, SubGraph g) throws XMLStreamException {
        w.writeStartElement("edges");
        for (SubGraph.Edge e : g.edges()) {
            w.writeCharacters("\n");
            w.writeStartElement("edge");
            w.writeAttribute("id", e.id());
            w.writeAttribute("source", e.source());
            w.writeAttribute("target", e.target());
            w.writeAttribute("label", e.label());
            if (e.startYear() != null) {
                w.writeAttribute("start", e.startYear().toString());
            }
            if (e.endYear() != null) {
                w.writeAttribute("end", e.endYear().toString());
            }
            w.writeStartElement("attvalues");
            attvalue(w, "predicate", e.predicate());
            attvalue(w, "certainty", e.certainty());
            attvalue(w, "sources", GraphWriter.sourceList(e));
            attvalue(w, "startYear", e.startYear() == null ? null : e.startYear().toString());
            attvalue(w, "endYear", e.endYear() == null ? null : e.endYear().toString());
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeCharacters("\n");
        w.writeEndElement();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static void attribute(XMLStreamWriter w, String id, String title, String type)
            throws XMLStreamException {
        w.writeEmptyElement("attribute");
        w.writeAttribute("id", id);
        w.writeAttribute("title", title);
        w.writeAttribute("type", type);
    }

    private static void attvalue(XMLStreamWriter w, String forId, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        w.writeEmptyElement("attvalue");
        w.writeAttribute("for", forId);
        w.writeAttribute("value", value);
    }
}
