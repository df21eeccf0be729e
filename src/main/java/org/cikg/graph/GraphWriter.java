package org.cikg.graph;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a {@link SubGraph} in one export format. */
interface GraphWriter {
    void write(SubGraph graph, OutputStream out) throws IOException;

    /** An edge's sources as the XML formats write them: {@code source#paragraph} entries separated by spaces. */
    static String sourceList(SubGraph.Edge e) {
        return e.sources().isEmpty()
                ? null
                : e.sources().stream()
                        .map(s -> s.paragraph() == null ? s.source() : s.source() + "#" + s.paragraph())
                        .collect(java.util.stream.Collectors.joining(" "));
    }
}
