package org.cikg.graph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.jena.riot.RDFFormat;
import org.cikg.asof.AsOf;
import org.cikg.asof.AsOfHeader;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A sub-graph written as the response of a graph export, with its format's type and the graph's size in headers. */
final class GraphResponse {
    private GraphResponse() {}

    /** The sub-graph in the format; {@code asOf}: the year it shows, said in the file and in {@code X-As-Of}. */
    static ResponseEntity<byte[]> of(SubGraph g, GraphFormat f, GexfWriter.Version version, Optional<AsOf> asOf) {
        Integer year = asOf.map(AsOf::year).orElse(null);
        GraphWriter writer = switch (f) {
            case CYTOSCAPE -> new CytoscapeWriter(year);
            case GRAPHML -> new GraphMlWriter(year);
            case GEXF -> new GexfWriter(version, year);
            case JSONLD -> new RdfGraphWriter(RDFFormat.JSONLD11_PRETTY, year);
            case TURTLE -> new RdfGraphWriter(RDFFormat.TURTLE_PRETTY, year);
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(g, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MediaType type = f.contentType();
        if (type.getType().equals("text")
                || type.getSubtype().endsWith("xml")
                || type.getSubtype().endsWith("json")) {
            type = new MediaType(type, java.nio.charset.StandardCharsets.UTF_8);
        }
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"graph." + f.extension() + "\"")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_LANGUAGE)
                .header("X-Graph-Nodes", Integer.toString(g.nodes().size()))
                .header("X-Graph-Edges", Integer.toString(g.edges().size()))
                .header(AsOfHeader.NAME, AsOfHeader.value(asOf))
                .body(out.toByteArray());
    }
}
