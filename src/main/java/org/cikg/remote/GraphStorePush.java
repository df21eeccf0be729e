package org.cikg.remote;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.Target;
import org.apache.jena.sparql.modify.request.UpdateAdd;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.update.UpdateRequest;
import org.cikg.config.KgProperties;
import org.cikg.problem.DataLoadException;
import org.cikg.problem.StoreUnavailableException;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.QueryRunner;
import org.cikg.sparql.SystemQuery;
import org.cikg.sparql.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a staged load into a remote store so that readers see the old graphs or the new ones, never a mix:
 * <ol>
 *   <li>stale staging graphs (a load that died half-way) are dropped;</li>
 *   <li>each graph goes into its staging graph ({@code <graph>/staging}), which no reader names: with the Graph Store
 *       Protocol when {@code kg.store.gsp-endpoint} is set (a {@code PUT} of the first batch of
 *       {@code kg.store.batch-triples} triples, a {@code POST} of each further batch), else as {@code INSERT DATA}
 *       updates;</li>
 *   <li>every staging graph's triple count is read back and compared with what was sent;</li>
 *   <li>one SPARQL Update request switches all of them, meta graph included: per graph {@code DROP SILENT GRAPH
 *       <g>; ADD SILENT <g/staging> TO <g>; DROP SILENT GRAPH <g/staging>}. Fuseki runs a request in one write
 *       transaction; Virtuoso runs it as one SQL transaction, committed at its end;</li>
 *   <li>the live graphs' counts are checked again.</li>
 * </ol>
 * Running it again with the same data gives the same store. Updates are built as update objects, never as text.
 * One writer at a time: two services loading the same store at once would share the staging graphs.
 */
public final class GraphStorePush {
    private static final Logger LOG = LoggerFactory.getLogger(GraphStorePush.class);

    private final RemoteEndpoint remote;
    private final QueryRunner runner;
    private final QueryCatalog catalog;

    public GraphStorePush(RemoteEndpoint remote, QueryRunner runner, QueryCatalog catalog) {
        this.remote = remote;
        this.runner = runner;
        this.catalog = catalog;
        if (remote.config().updateEndpoint().isBlank()) {
            throw new DataLoadException(
                    "Loading a remote store needs kg.store.update-endpoint: the new graphs are "
                            + "switched in with one SPARQL Update request (kg.store.gsp-endpoint, if set, carries the triples)");
        }
    }

    /** The staging graph of a live graph: where a load writes before the switch. */
    static Node staging(Node graph) {
        return NodeFactory.createURI(graph.getURI() + "/staging");
    }

    /** Replaces {@code graphs} (the meta graph among them) in the remote store with the staged ones, in one switch. */
    public void push(Map<Node, Graph> graphs) {
        Map<Node, Node> stagingOf = new LinkedHashMap<>();
        graphs.keySet().forEach(g -> stagingOf.put(g, staging(g)));
        update("drop stale staging graphs", dropAll(stagingOf.values()));
        for (Map.Entry<Node, Graph> e : graphs.entrySet()) {
            write(stagingOf.get(e.getKey()), e.getValue());
        }
        RemoteRunner stagingRunner = new RemoteRunner(remote, List.copyOf(stagingOf.values()), runner.timeout());
        for (Map.Entry<Node, Graph> e : graphs.entrySet()) {
            verify(stagingRunner, stagingOf.get(e.getKey()), e.getValue().size(), "staging");
        }
        long t0 = System.nanoTime();
        update("switch to the new graphs", switchAll(stagingOf));
        LOG.info(
                "  switched {} graphs in one update request, {} ms",
                graphs.size(),
                (System.nanoTime() - t0) / 1_000_000);
        for (Map.Entry<Node, Graph> e : graphs.entrySet()) {
            verify(runner, e.getKey(), e.getValue().size(), "live");
        }
    }

    private static UpdateRequest dropAll(Iterable<Node> names) {
        UpdateRequest request = new UpdateRequest();
        names.forEach(n -> request.add(new UpdateDrop(Target.create(n), true)));
        return request;
    }

    /**
     * Per graph: {@code DROP SILENT GRAPH <g>; ADD SILENT <g/staging> TO <g>; DROP SILENT GRAPH <g/staging>}. Not
     * {@code MOVE}: a staged graph that is empty does not exist in most stores, and {@code MOVE SILENT} from a
     * missing graph leaves the target as it was, where this leaves it empty.
     */
    static UpdateRequest switchAll(Map<Node, Node> stagingOf) {
        UpdateRequest request = new UpdateRequest();
        stagingOf.forEach((live, staged) -> {
            request.add(new UpdateDrop(Target.create(live), true));
            request.add(new UpdateAdd(Target.create(staged), Target.create(live), true));
            request.add(new UpdateDrop(Target.create(staged), true));
        });
        return request;
    }

    private void write(Node name, Graph g) {
        long t0 = System.nanoTime();
        int batch = Math.max(1, remote.config().batchTriples());
        List<Triple> all = g.find().toList();
        int requests = 0;
        for (int from = 0; from < all.size(); from += batch) {
            Graph part = GraphFactory.createDefaultGraph();
            all.subList(from, Math.min(all.size(), from + batch)).forEach(part::add);
            boolean first = from == 0;
            sendWithRetry(name, part, first);
            requests++;
        }
        LOG.info(
                "  pushed {} triples to {} in {} request(s), {} ms",
                all.size(),
                name.getURI(),
                requests,
                (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * One batch, tried up to {@value #ATTEMPTS} times when the connection fails (a store answering an authentication
     * challenge while the body is still being sent closes the connection under it: "Broken pipe", seen on Virtuoso's
     * Digest-protected Graph Store endpoint). Safe to repeat: a {@code PUT} replaces the staging graph, a {@code POST}
     * or {@code INSERT DATA} of the same triples adds none twice (a graph is a set), and the counts are verified after.
     */
    private void sendWithRetry(Node name, Graph part, boolean first) {
        for (int attempt = 1; ; attempt++) {
            try {
                remote.call("load " + name.getURI(), () -> {
                    send(name, part, first);
                    return null;
                });
                return;
            } catch (StoreUnavailableException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.warn(
                        "  batch of {} triples to {} failed ({}); trying again",
                        part.size(),
                        name.getURI(),
                        e.getMessage());
                try {
                    Thread.sleep(500L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static final int ATTEMPTS = 3;

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
        QuadDataAcc quads = new QuadDataAcc();
        part.find().forEach(t -> quads.addQuad(new Quad(name, t)));
        UpdateRequest request = new UpdateRequest();
        request.add(new UpdateDataInsert(quads));
        UpdateExecHTTP.service(c.updateEndpoint())
                .httpClient(remote.http())
                .update(request)
                .execute();
    }

    private void update(String what, UpdateRequest request) {
        remote.call(what, () -> {
            UpdateExecHTTP.service(remote.config().updateEndpoint())
                    .httpClient(remote.http())
                    .update(request)
                    .execute();
            return null;
        });
    }

    private void verify(QueryRunner over, Node name, long expected, String which) {
        Table rows = over.select(catalog.get(SystemQuery.GRAPH_SIZE), Map.of("graph", name));
        long actual = rows.first()
                .map(b -> Long.parseLong(b.get("n").getLiteralLexicalForm()))
                .orElse(0L);
        if (actual != expected) {
            throw new DataLoadException("The remote store holds " + actual + " triples in the " + which + " graph "
                    + name.getURI() + ", not the " + expected + " sent"
                    + ("staging".equals(which) ? "; the live graphs are untouched" : ""));
        }
    }
}
