package org.cikg.graph;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a {@link SubGraph} in one export format. */
interface GraphWriter {
    void write(SubGraph graph, OutputStream out) throws IOException;
}
