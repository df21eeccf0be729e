package org.cikg.fuseki;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;

/**
 * Fuseki's SPARQL query operation ({@link SPARQL_QueryDataset}, registered for {@code Operation.Query}, so it serves
 * {@code /kg/sparql}, {@code /kg/query} and queries sent to {@code /kg} itself) with the service's limits, set
 * where Fuseki creates the execution ({@link #createQueryExec}, its extension point):
 * <ul>
 *   <li>the timeout: the client's {@code timeout} parameter can only lower {@code kg.sparql.timeout}, in both of its
 *       values ({@link ClientTimeout#cappedAt});</li>
 *   <li>the execution is handed to the request's {@link ClientWatch}, which aborts it if the client goes away, and
 *       registered with {@link org.cikg.sparql.RunningQueries}, which aborts it at its deadline.</li>
 * </ul>
 * A malformed {@code timeout} never gets here: {@link RequestGate} answers 400.
 */
final class LimitedQueryService extends SPARQL_QueryDataset {
    private final Duration limit;

    LimitedQueryService(Duration limit) {
        this.limit = limit;
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        ClientTimeout t = clientTimeout(action).cappedAt(limit);
        QueryExec exec = QueryExec.newBuilder()
                .dataset(dataset)
                .query(query)
                .context(action.getContext())
                .initialTimeout(t.firstRowMillis(), TimeUnit.MILLISECONDS)
                .overallTimeout(t.overallMillis(), TimeUnit.MILLISECONDS)
                .build();
        if (action.getRequest().getAttribute(ClientWatch.ATTRIBUTE) instanceof ClientWatch.Watched w) {
            w.attach(exec, Duration.ofMillis(t.overallMillis()));
        }
        return exec;
    }

    private static ClientTimeout clientTimeout(HttpAction action) {
        try {
            return ClientTimeout.parse(action.getRequestParameter(ClientTimeout.PARAMETER));
        } catch (IllegalArgumentException e) {
            return ClientTimeout.NONE; // the gate refuses these; never longer than the limit in any case
        }
    }
}
