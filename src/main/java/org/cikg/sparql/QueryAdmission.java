package org.cikg.sparql;

import java.util.HashMap;
import java.util.Map;
import org.cikg.config.KgProperties;
import org.cikg.problem.TooManyQueriesException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How many client queries may run at once: at most {@code kg.sparql.max-concurrent} in all and
 * {@code kg.sparql.max-concurrent-per-client} from one client address. A query over either limit is refused at once
 * (the caller answers 503 with {@code Retry-After}), never queued: a queue would hold a connection and a thread per
 * waiting request, and a client that sends slow queries in a loop would fill it.
 *
 * <p>So one client looping expensive queries uses at most its own share, and another client's cheap query still
 * runs at once. Clients behind one address (a proxy, a NAT) share that address's share. Counted: every request to
 * the SPARQL endpoints ({@code org.cikg.fuseki.RequestGate}) and the arbitrary {@code CONSTRUCT} of
 * {@code POST /api/graph}; not the facade's own named queries, which are fixed, cached and bounded by the timeout.
 *
 * <pre>{@code
 * try (QueryAdmission.Permit p = admission.admit(client)) {   // TooManyQueriesException when full
 *     ... run the query ...
 * }
 * }</pre>
 */
@Component
public class QueryAdmission {
    private final int overall;
    private final int perClient;
    private final Map<String, Integer> byClient = new HashMap<>();
    private int running;

    @Autowired
    public QueryAdmission(KgProperties props) {
        this(props.sparql().maxConcurrent(), props.sparql().maxConcurrentPerClient());
    }

    public QueryAdmission(int overall, int perClient) {
        if (overall < 1 || perClient < 1) {
            throw new IllegalArgumentException(
                    "kg.sparql.max-concurrent and kg.sparql.max-concurrent-per-client must " + "be at least 1");
        }
        this.overall = overall;
        this.perClient = perClient;
    }

    /**
     * A permit for one query from {@code client} (its address), to close when the query has ended.
     *
     * @throws TooManyQueriesException when {@code client} already runs its share, or the service runs its maximum
     */
    public synchronized Permit admit(String client) {
        int mine = byClient.getOrDefault(client, 0);
        if (mine >= perClient) {
            throw new TooManyQueriesException("This client already runs " + mine
                    + " queries at once, the most one address may; " + "retry when one has ended.");
        }
        if (running >= overall) {
            throw new TooManyQueriesException(
                    "The service runs " + running + " queries at once, its maximum; retry shortly.");
        }
        byClient.put(client, mine + 1);
        running++;
        return new Permit(client);
    }

    /** How many admitted queries are running now. */
    public synchronized int running() {
        return running;
    }

    private synchronized void release(String client) {
        running--;
        byClient.computeIfPresent(client, (c, n) -> n <= 1 ? null : n - 1);
    }

    /** One admitted query; {@link #close()} releases it (once). */
    public final class Permit implements AutoCloseable {
        private final String client;
        private boolean closed;

        private Permit(String client) {
            this.client = client;
        }

        @Override
        public void close() {
            synchronized (QueryAdmission.this) {
                if (!closed) {
                    closed = true;
                    release(client);
                }
            }
        }
    }
}
