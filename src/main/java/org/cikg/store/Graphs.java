package org.cikg.store;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The named graphs of the store. The default graph of every query is their union. */
public final class Graphs {
    /** The classes, properties, concept schemes and shapes from {@code ontology/}. */
    public static final Node ONTOLOGY = NodeFactory.createURI("https://w3id.org/cikg/graph/ontology");
    /** The curated, asserted data from {@code data/}. */
    public static final Node DATA = NodeFactory.createURI("https://w3id.org/cikg/graph/data");
    /** Triples materialised by the inference rules; never edited by hand. */
    public static final Node INFERRED = NodeFactory.createURI("https://w3id.org/cikg/graph/inferred");
    /** What was loaded and when: the data hash, the load time, the counts. */
    public static final Node META = NodeFactory.createURI("https://w3id.org/cikg/graph/meta");
    /** The resource the meta graph describes. */
    public static final Node DATASET = NodeFactory.createURI("https://w3id.org/cikg/dataset");

    private Graphs() {}
}
