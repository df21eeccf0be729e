package org.cikg.store.load;

import java.time.Instant;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.cikg.core.Namespaces;
import org.cikg.store.Graphs;

/**
 * What a load records about itself in the meta graph ({@link Graphs#META}), written the same way by every load (the
 * service's, the bulk load): the data hash, when, how many files, and the triple counts. {@code
 * queries/system/store-status.rq} reads it back ({@code KnowledgeStore.status()}); a remote store's other readers
 * poll it to notice a load ({@code RemoteChangeWatcher}).
 */
final class MetaGraph {
    private MetaGraph() {}

    /**
     * Adds the record of a load to {@code dsg}'s meta graph (the caller empties it first).
     *
     * @param hash     the data hash of what was loaded
     * @param loadedAt when
     * @param files    how many files were read
     * @param total    distinct triples of the union default graph ({@link LoadStage#unionTriples})
     * @param asserted triples read from the files
     * @param inferred triples the rules added
     */
    static void write(
            DatasetGraph dsg, String hash, Instant loadedAt, int files, long total, long asserted, long inferred) {
        Node s = Graphs.DATASET;
        dsg.add(Graphs.META, s, cikg("dataHash"), NodeFactory.createLiteralString(hash));
        dsg.add(
                Graphs.META,
                s,
                DCTerms.modified.asNode(),
                NodeFactory.createLiteralDT(loadedAt.toString(), XSDDatatype.XSDdateTime));
        dsg.add(Graphs.META, s, cikg("loadedFiles"), integer(files));
        dsg.add(Graphs.META, s, NodeFactory.createURI(Namespaces.VOID + "triples"), integer(total));
        dsg.add(Graphs.META, s, cikg("assertedTriples"), integer(asserted));
        dsg.add(Graphs.META, s, cikg("inferredTriples"), integer(inferred));
    }

    private static Node cikg(String local) {
        return NodeFactory.createURI(Namespaces.CIKG + local);
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }
}
