package org.cikg.replication;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

/**
 * Where a store stands in the change log, kept in the store itself so that it commits with the data: the graph
 * {@link #GRAPH} holds the change sequence the contents are (the writer's count of committed changes) and the log
 * offset of the last record of that change. A writer and its replicas hold the same two triples once a change has
 * been published and applied, so backups of either record where in the log they stand.
 */
final class LogPosition {
    /** The graph of the two triples. */
    static final Node GRAPH = NodeFactory.createURI("https://w3id.org/cikg/graph/replication");

    static final Node DATASET = NodeFactory.createURI("https://w3id.org/cikg/dataset");
    static final Node SEQUENCE = NodeFactory.createURI("https://w3id.org/cikg/ontology#changeSequence");
    static final Node OFFSET = NodeFactory.createURI("https://w3id.org/cikg/ontology#logOffset");

    /**
     * @param sequence the change sequence (0: no change recorded yet)
     * @param offset   the log offset of the last record of that change (-1: unknown; start from the log's beginning)
     */
    record Position(long sequence, long offset) {
        static final Position NONE = new Position(0, -1);
    }

    private LogPosition() {}

    /** The position, read inside the caller's transaction. */
    static Position read(DatasetGraph dsg) {
        return new Position(number(dsg, SEQUENCE, 0), number(dsg, OFFSET, -1));
    }

    /** The committed position, in a read transaction of its own. */
    static Position readCommitted(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> read(dsg));
    }

    /** Sets the change sequence, inside the caller's write transaction. */
    static void setSequence(DatasetGraph dsg, long sequence) {
        set(dsg, SEQUENCE, sequence);
    }

    /** Sets the log offset, inside the caller's write transaction. */
    static void setOffset(DatasetGraph dsg, long offset) {
        set(dsg, OFFSET, offset);
    }

    private static long number(DatasetGraph dsg, Node property, long otherwise) {
        var it = dsg.find(GRAPH, DATASET, property, Node.ANY);
        try {
            return it.hasNext() ? Long.parseLong(it.next().getObject().getLiteralLexicalForm()) : otherwise;
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
    }

    private static void set(DatasetGraph dsg, Node property, long value) {
        dsg.deleteAny(GRAPH, DATASET, property, Node.ANY);
        dsg.add(new Quad(
                GRAPH, DATASET, property, NodeFactory.createLiteralDT(Long.toString(value), XSDDatatype.XSDinteger)));
    }
}
