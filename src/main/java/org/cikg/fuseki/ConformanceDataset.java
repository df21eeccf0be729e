package org.cikg.fuseki;

import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.cikg.config.KgProperties;
import org.cikg.sparql.QueryBounds;
import org.cikg.store.NoRemoteDocuments;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A scratch in-memory dataset that {@link FusekiEndpoints} also serves, at {@link #PATH}, when
 * {@code kg.conformance.enabled=true} (off by default). It exists for the W3C SPARQL 1.1 conformance run: the
 * tests assume a plain dataset whose default graph is its own graph, while {@code /kg} is TDB2 with the union of the
 * named graphs as its default graph. The scratch dataset sits behind the same {@link RequestGate}, the same limits,
 * the same admin authentication for {@code /update} and {@code /data}, and the same query timeout with
 * {@code SERVICE} disabled and no remote JSON-LD contexts, so a conformance run exercises this server's HTTP stack and Jena's engine without
 * touching the knowledge graph.
 *
 * @param enabled whether {@code /conformance} is served
 */
@ConfigurationProperties("kg.conformance")
public record ConformanceDataset(@DefaultValue("false") boolean enabled) {
    public static final String PATH = "/conformance";

    /** A fresh transactional in-memory dataset with the same context rules as the store. */
    static DatasetGraph create(KgProperties.Sparql sparql) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        dsg.getContext().set(ARQ.httpServiceAllowed, false);
        NoRemoteDocuments.apply(dsg.getContext());
        QueryBounds.apply(dsg.getContext(), sparql);
        return dsg;
    }
}
