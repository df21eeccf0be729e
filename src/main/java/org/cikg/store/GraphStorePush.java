package org.cikg.store;

import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.Target;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.update.UpdateRequest;
import org.cikg.KgProperties;
import org.cikg.remote.RemoteEndpoint;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.QueryRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a staged load into a remote store, idempotently: first the meta graph goes (so a half-written load never
 * looks complete), then each graph is replaced with the Graph Store Protocol (a {@code PUT} of the first batch of
 * {@code kg.store.batch-triples} triples, a {@code POST} of each further batch), its triple count read back and
 * compared, and last the meta graph is written and checked the same way. Running it again with the same data gives
 * the same store. Without a Graph Store endpoint it sends SPARQL Update built as update objects ({@code DROP SILENT
 * GRAPH}, {@code INSERT DATA}), never as text.
 */
final class GraphStorePush {
    private static final Logger LOG = LoggerFactory.getLogger(GraphStorePush.class);

    private final RemoteEndpoint remote;
    private final QueryRunner runner;
    private final QueryCatalog catalog;

    GraphStorePush(RemoteEndpoint remote, QueryRunner runner, QueryCatalog catalog) {
        this.remote = remote;
        this.runner = runner;
        this.catalog = catalog;
        KgProperties.Store c = remote.config();
        if (c.gspEndpoint().isBlank() && c.updateEndpoint().isBlank()) {
            throw new IllegalStateException(
                    "Loading a remote store needs kg.store.gsp-endpoint or kg.store.update-endpoint");
        }
    }

    /** Replaces {@code graphs} and then {@code meta} in the remote store with the staged ones and checks counts. */
    void push(Map<Node, Graph> graphs, Node metaName, Graph meta) {
        clear(metaName);
        for (Map.Entry<Node, Graph> e : graphs.entrySet()) {
            replace(e.getKey(), e.getValue());
        }
        for (Map.Entry<Node, Graph> e : graphs.entrySet()) {
            verify(e.getKey(), e.getValue().size());
        }
        replace(metaName, meta);
        verify(metaName, meta.size());
    }

    private void replace(Node name, Graph g) {
        long t0 = System.nanoTime();
        int batch = Math.max(1, remote.config().batchTriples());
        List<Triple> all = g.find().toList();
        int requests = 0;
        if (all.isEmpty()) {
            clear(name);
        }
        for (int from = 0; from < all.size(); from += batch) {
            Graph part = GraphFactory.createDefaultGraph();
            all.subList(from, Math.min(all.size(), from + batch)).forEach(part::add);
            boolean first = from == 0;
            remote.call("load " + name.getURI(), () -> {
                send(name, part, first);
                return null;
            });
            requests++;
        }
        LOG.info("  pushed {} triples to {} in {} request(s), {} ms", all.size(), name.getURI(), requests,
                (System.nanoTime() - t0) / 1_000_000);
    }

    private void send(Node name, Graph part, boolean first) {
        KgProperties.Store c = remote.config();
        if (!c.gspEndpoint().isBlank()) {
            GSP gsp = GSP.service(c.gspEndpoint()).httpClient(remote.http()).graphName(name);
            if (first) {
                gsp.PUT(part);
            } else {
                gsp.POST(part);
            }
            return;
        }
        UpdateRequest request = new UpdateRequest();
        if (first) {
            request.add(new UpdateDrop(Target.create(name), true));
        }
        QuadDataAcc quads = new QuadDataAcc();
        part.find().forEach(t -> quads.addQuad(new org.apache.jena.sparql.core.Quad(name, t)));
        request.add(new UpdateDataInsert(quads));
        UpdateExecHTTP.service(c.updateEndpoint()).httpClient(remote.http()).update(request).execute();
    }

    private void clear(Node name) {
        KgProperties.Store c = remote.config();
        remote.call("clear " + name.getURI(), () -> {
            if (!c.gspEndpoint().isBlank()) {
                try {
                    GSP.service(c.gspEndpoint()).httpClient(remote.http()).graphName(name).DELETE();
                } catch (HttpException e) {
                    if (e.getStatusCode() != 404) {
                        throw e;
                    }
                }
            } else {
                UpdateRequest request = new UpdateRequest();
                request.add(new UpdateDrop(Target.create(name), true));
                UpdateExecHTTP.service(c.updateEndpoint()).httpClient(remote.http()).update(request).execute();
            }
            return null;
        });
    }

    private void verify(Node name, long expected) {
        RowSet rows = runner.select(catalog.get("system/graph-size"), Map.of("graph", name));
        long actual = rows.hasNext() ? Long.parseLong(rows.next().get("n").getLiteralLexicalForm()) : 0;
        if (actual != expected) {
            throw new DataLoadException("The remote store holds " + actual + " triples in " + name.getURI()
                    + " after the load, not the " + expected + " sent; the meta graph is not written, so the next "
                    + "start loads again");
        }
    }
}
