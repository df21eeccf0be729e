package org.cikg.replication;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.JenaTransactionException;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.solver.QueryEngineTDB;

/**
 * The writer's TDB2 dataset as every change goes through it: each quad a write transaction really adds or deletes
 * (not one already there, or already gone) is recorded ({@link Recording}), and when the transaction commits the
 * change is numbered and put in the outbox before TDB2 commits it ({@link ChangeCapture#prepare}); once the
 * transaction has ended the publisher is told.
 *
 * <p>Reads pass straight through. Queries (including the {@code WHERE} of an update) run on the TDB2 dataset itself
 * through TDB2's query engine ({@link Engine}), so the union default graph and TDB2's optimiser apply exactly as
 * without the wrapper.
 */
final class CapturingDataset extends DatasetGraphWrapper {
    private static final int DELETE_BATCH = 10_000;

    private final ChangeCapture capture;
    private final ThreadLocal<State> state = new ThreadLocal<>();

    /** One transaction's recording and outcome. */
    private static final class State {
        Recording recording;
        Change prepared;
        boolean committed;
    }

    CapturingDataset(DatasetGraph tdb, ChangeCapture capture) {
        super(tdb);
        this.capture = capture;
        Engine.register();
    }

    // ---- changes -------------------------------------------------------------------------------------------------

    @Override
    public void add(Quad quad) {
        add(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public void delete(Quad quad) {
        delete(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        Recording r = recording();
        Node graph = Recording.graph(g);
        if (get().contains(graph, s, p, o)) {
            return;
        }
        r.add(graph, s, p, o);
        get().add(graph, s, p, o);
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        Recording r = recording();
        Node graph = Recording.graph(g);
        if (!get().contains(graph, s, p, o)) {
            return;
        }
        r.delete(graph, s, p, o);
        get().delete(graph, s, p, o);
    }

    /** Finds in batches and deletes each quad found, so that every deletion is recorded. */
    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        recording();
        while (true) {
            List<Quad> batch = new ArrayList<>(DELETE_BATCH);
            Iterator<Quad> it = get().find(g, s, p, o);
            while (it.hasNext() && batch.size() < DELETE_BATCH) {
                batch.add(it.next());
            }
            org.apache.jena.atlas.iterator.Iter.close(it);
            batch.forEach(this::delete);
            if (batch.size() < DELETE_BATCH) {
                return;
            }
        }
    }

    @Override
    public void clear() {
        deleteAny(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
    }

    @Override
    public void removeGraph(Node graphName) {
        deleteAny(graphName, Node.ANY, Node.ANY, Node.ANY);
    }

    @Override
    public void addGraph(Node graphName, Graph graph) {
        removeGraph(graphName);
        graph.find().forEachRemaining(t -> add(graphName, t.getSubject(), t.getPredicate(), t.getObject()));
    }

    @Override
    public Graph getDefaultGraph() {
        return GraphView.createDefaultGraph(this);
    }

    @Override
    public Graph getGraph(Node graphNode) {
        return GraphView.createNamedGraph(this, graphNode);
    }

    /** The recording of this thread's write transaction, started at its first change (promoting a read if need be). */
    private Recording recording() {
        if (transactionMode() != ReadWrite.WRITE && !promote()) {
            throw new JenaTransactionException("Not in a write transaction");
        }
        State s = state.get();
        if (s == null) {
            // A write transaction begun on the TDB2 dataset directly would not be seen here; every writer of the
            // store goes through this wrapper, so this is a programming error.
            throw new JenaTransactionException("Write outside a transaction of the capturing dataset");
        }
        if (s.recording == null) {
            s.recording = capture.newRecording(get());
        }
        return s.recording;
    }

    // ---- transactions --------------------------------------------------------------------------------------------

    @Override
    public void begin() {
        begin(TxnType.READ_PROMOTE);
    }

    @Override
    public void begin(ReadWrite readWrite) {
        begin(TxnType.convert(readWrite));
    }

    @Override
    public void begin(TxnType type) {
        super.begin(type);
        state.set(new State());
    }

    @Override
    public void commit() {
        State s = state.get();
        if (s != null && s.recording != null && s.recording.operations() > 0 && transactionMode() == ReadWrite.WRITE) {
            s.prepared = capture.prepare(get(), s.recording);
        }
        try {
            super.commit();
        } catch (RuntimeException | Error e) {
            if (s != null && s.prepared != null) {
                capture.discard(s.prepared);
                s.prepared = null;
            }
            throw e;
        }
        if (s != null) {
            s.committed = s.prepared != null;
        }
    }

    @Override
    public void abort() {
        State s = state.get();
        try {
            super.abort();
        } finally {
            if (s != null && s.prepared != null) {
                capture.discard(s.prepared);
                s.prepared = null;
            }
        }
    }

    @Override
    public void end() {
        State s = state.get();
        try {
            super.end();
        } finally {
            state.remove();
            if (s != null) {
                if (s.recording != null) {
                    s.recording.close();
                }
                if (s.committed) {
                    capture.committed(s.prepared);
                }
            }
        }
    }

    /**
     * Runs queries over a {@link CapturingDataset} on the TDB2 dataset it wraps with TDB2's own engine (the union
     * default graph is a TDB2 query-engine setting, which a plain wrapper would lose).
     */
    static final class Engine implements QueryEngineFactory {
        private static final Engine INSTANCE = new Engine();
        private static boolean registered;

        static synchronized void register() {
            if (!registered) {
                QueryEngineRegistry.addFactory(INSTANCE);
                registered = true;
            }
        }

        @Override
        public boolean accept(Query query, DatasetGraph dataset, Context context) {
            return dataset instanceof CapturingDataset;
        }

        @Override
        public Plan create(Query query, DatasetGraph dataset, Binding input, Context context) {
            return QueryEngineTDB.getFactory().create(query, ((CapturingDataset) dataset).getWrapped(), input, context);
        }

        @Override
        public boolean accept(Op op, DatasetGraph dataset, Context context) {
            return dataset instanceof CapturingDataset;
        }

        @Override
        public Plan create(Op op, DatasetGraph dataset, Binding input, Context context) {
            return QueryEngineTDB.getFactory().create(op, ((CapturingDataset) dataset).getWrapped(), input, context);
        }
    }
}
