package org.cikg.graph;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.cikg.problem.BadRequestException;

/**
 * GEXF (https://gexf.net/), Gephi's own format, in version 1.2draft (the default) or 1.3: a directed graph whose
 * node ids are entity IRIs, declared node attributes ({@code type} and each literal fact, typed: years are integers)
 * and edge attributes ({@code predicate}, {@code certainty}, {@code sources}, {@code startYear}, {@code endYear}),
 * edge labels from the predicate's label, and each node's class colour as {@code viz:color} ({@link ClassPalette}).
 * Dated edges carry {@code start} / {@code end} (years, {@code timeformat="integer"}; an edge with a start and no
 * end lasts), and the graph is then {@code mode="dynamic"}, so Gephi's timeline can filter by year.
 *
 * <p>Why 1.2draft by default: it is the version every common reader takes without being told. networkx's
 * {@code read_gexf} reads 1.2draft unless given {@code version=} (Debian 12's networkx 2.8.8 knows no 1.3 at all,
 * and networkx 3.x still defaults to 1.2draft), and Gephi reads 1.1, 1.2draft and 1.3 alike. {@code version=1.3}
 * writes the 1.3 namespace for tools that want it ({@code nx.read_gexf(path, version="1.3")} in networkx 3.x).
 *
 * <p>{@code sources} is a string of {@code source#paragraph} entries separated by spaces: GEXF's {@code liststring}
 * would be structured, but networkx reads it as one plain string anyway and Gephi 0.10 does not filter on it.
 */
final class GexfWriter implements GraphWriter {
    /** The versions written, with their namespaces. */
    enum Version {
        V1_2(
                "1.2draft",
                "1.2",
                "http://www.gexf.net/1.2draft",
                "http://www.gexf.net/1.2draft/viz",
                "http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd"),
        V1_3(
                "1.3",
                "1.3",
                "http://gexf.net/1.3",
                "http://gexf.net/1.3/viz",
                "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd");

        final String param;
        final String number;
        final String ns;
        final String viz;
        final String schemaLocation;

        Version(String param, String number, String ns, String viz, String schemaLocation) {
            this.param = param;
            this.number = number;
            this.ns = ns;
            this.viz = viz;
            this.schemaLocation = schemaLocation;
        }

        /** {@code version=}: 1.2draft (also 1.2) or 1.3; null or blank is 1.2draft. */
        static Version of(String value) {
            if (value == null || value.isBlank()) {
                return V1_2;
            }
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "1.2draft", "1.2" -> V1_2;
                case "1.3" -> V1_3;
                default -> throw new BadRequestException("Parameter 'version' (GEXF) must be 1.2draft or 1.3");
            };
        }
    }

    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private final Version version;
    /** The year the graph shows, said in the {@code <meta>} description; null: the graph now. */
    private final Integer asOf;

    GexfWriter(Version version) {
        this(version, null);
    }

    GexfWriter(Version version, Integer asOf) {
        this.version = version;
        this.asOf = asOf;
    }

    @Override
    public void write(SubGraph g, OutputStream out) {
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            boolean dynamic = g.edges().stream().anyMatch(e -> e.startYear() != null || e.endYear() != null);
            List<NodeAttributes.Column> columns = NodeAttributes.columns(g);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("gexf");
            w.writeDefaultNamespace(version.ns);
            w.writeNamespace("viz", version.viz);
            w.writeNamespace("xsi", XSI);
            w.writeAttribute(XSI, "schemaLocation", version.schemaLocation);
            w.writeAttribute("version", version.number);
            w.writeCharacters("\n");
            meta(w, asOf);
            w.writeStartElement("graph");
            w.writeAttribute("defaultedgetype", "directed");
            w.writeAttribute("mode", dynamic ? "dynamic" : "static");
            if (dynamic) {
                w.writeAttribute("timeformat", "integer");
                if (version == Version.V1_3) {
                    w.writeAttribute("timerepresentation", "interval");
                }
            }
            w.writeCharacters("\n");
            attributes(w, columns);
            nodes(w, g, columns, version);
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

    /** GEXF's names for the column types: {@code long} and {@code double} exist in both versions; strings too. */
    private static String gexfType(String type) {
        return switch (type) {
            case "long" -> "long";
            case "double" -> "double";
            default -> "string";
        };
    }

    private static void meta(XMLStreamWriter w, Integer asOf) throws XMLStreamException {
        w.writeStartElement("meta");
        w.writeAttribute("lastmodifieddate", LocalDate.now(ZoneOffset.UTC).toString());
        element(w, "creator", "China Innovation Knowledge Graph (cikg)");
        element(
                w,
                "description",
                "Sub-graph export; node ids are entity IRIs"
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
            attribute(w, "a" + i, columns.get(i).name(), gexfType(columns.get(i).type()));
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

    /** The nodes, each with its class's colour ({@link ClassPalette}, the explorer's). */
    private static void nodes(XMLStreamWriter w, SubGraph g, List<NodeAttributes.Column> columns, Version version)
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
            int[] rgb = ClassPalette.rgb(ClassPalette.colour(n.type()));
            w.writeEmptyElement(version.viz, "color");
            w.writeAttribute("r", Integer.toString(rgb[0]));
            w.writeAttribute("g", Integer.toString(rgb[1]));
            w.writeAttribute("b", Integer.toString(rgb[2]));
            w.writeAttribute("a", "1.0");
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
            attvalue(
                    w, "startYear", e.startYear() == null ? null : e.startYear().toString());
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

    private static void attribute(XMLStreamWriter w, String id, String title, String type) throws XMLStreamException {
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
