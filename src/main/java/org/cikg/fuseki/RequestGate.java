package org.cikg.fuseki;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.cikg.config.KgProperties;
import org.cikg.sparql.QueryAdmission;

/**
 * The servlet filter in front of every Fuseki endpoint. It reads what Jena would otherwise read unbounded and refuses,
 * before any parsing, what the service does not serve:
 * <ul>
 *   <li>a raw path with {@code //}, dot segments, {@code ;} parameters or encoded dots, slashes or {@code $}: 400
 *       (so no spelling of a path reaches a different endpoint than the plain one);</li>
 *   <li>a query string longer than {@link EndpointLimits#maxBody()}: 414;</li>
 *   <li>a body longer than the limit ({@code Content-Length} or counted while streaming): 413 — the body is
 *       buffered here (at most the limit) and replayed to Fuseki;</li>
 *   <li>a regular expression pattern longer than {@code kg.sparql.regex-max-length}: 400;</li>
 *   <li>a query or update nested deeper than {@link EndpointLimits#maxDepth()}, or one whose parse exhausts the
 *       stack: 400;</li>
 *   <li>{@code LOAD} in an update, even from the admin: 403 (it would fetch any URL or read any local file);</li>
 *   <li>a {@code Content-Type} naming a character set this JVM does not know: 415 (Jetty would throw, a 500);</li>
 *   <li>an upload in RDF Thrift or RDF Protobuf, as {@code multipart/form-data}, or with a {@code Content-Encoding}:
 *       415. Thrift and Protobuf parsers end quietly at garbage or a cut, so a bad body would replace a graph with
 *       part of it; Fuseki's multipart upload takes each part's format from its own headers or file name (so it
 *       would let those formats in, and fails with a 500 on a part without a type); a compressed body is only
 *       limited on the wire, not in what it expands to. Every format left (Turtle, N-Triples, N-Quads, TriG,
 *       RDF/XML, JSON-LD, RDF/JSON, TriX) Fuseki parses completely inside the write transaction, and a syntax error
 *       aborts it: the graph stays as it was;</li>
 *   <li>{@code callback} or {@code stylesheet} parameters, which Fuseki would write into the response: 400;</li>
 *   <li>{@code TRACE}: 405;</li>
 *   <li>an update that does not parse: 400 here, since Fuseki would run the operations before the error;</li>
 *   <li>an {@code Accept} header that no result or RDF format satisfies: 406;</li>
 *   <li>a {@code timeout} parameter that is not one or two whole numbers of seconds, or given twice: 400 (a
 *       well-formed one can only lower {@code kg.sparql.timeout}: {@link LimitedQueryService});</li>
 *   <li>on a read replica, an update or Graph Store write to the store: 409, naming the service that takes writes;</li>
 *   <li>a request to a dataset beyond the {@link QueryAdmission} limits (in all, or from this client address): 503
 *       with {@code Retry-After}, at once.</li>
 * </ul>
 * Each concern is a small class of its own, asked in this order: {@link RequestLineRules} (method, path, query
 * string, charset), {@link WriteWatch} (replica refusal; {@code onWrite} after a committed write), {@link BodyIntake}
 * (upload forms, body limits, buffering), {@link SparqlRules} (parameters, query and update text, {@code Accept}),
 * {@link DatasetAdmission}; every refusal is written by {@link ProblemBody}. The timeout cap is
 * {@link LimitedQueryService}'s and {@link GuardedResponse}'s.
 * While Fuseki computes, a {@link ClientWatch} aborts the query if the client closes its connection.
 * Refusals are small RFC 9457 {@code application/problem+json} bodies. Fuseki writes into a {@link GuardedResponse}:
 * a result cut by the query timeout after the first bytes went out ends in an aborted connection (no final chunk),
 * never in a 200 that looks complete; a timeout before that is a 503 problem with {@code Retry-After}.
 */
final class RequestGate implements Filter {
    private final RequestLineRules lineRules;
    private final WriteWatch writes;
    private final BodyIntake bodies;
    private final SparqlRules sparqlRules;
    private final DatasetAdmission admission;
    private final long timeoutMillis;
    private final ClientWatch clientWatch = new ClientWatch(Duration.ofMillis(250));

    /**
     * The gate for the datasets served at these paths (each with {@code /data} and {@code /update}), whose queries
     * run with this timeout (named in the 503 problem). {@code onWrite} runs after a successful (2xx) write (an
     * update, or a Graph Store {@code POST}, {@code PUT}, {@code DELETE}) to the first dataset, once Fuseki has
     * committed it: caches of the data key their entries by the version it moves.
     */
    RequestGate(
            EndpointLimits limits,
            List<String> datasets,
            KgProperties.Sparql sparql,
            Runnable onWrite,
            QueryAdmission admission) {
        this(limits, datasets, sparql, onWrite, admission, Optional::empty);
    }

    /**
     * As above; while {@code writeRefusal} gives a reason (a read replica), a write to the first dataset (an update, or
     * a Graph Store {@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) is answered 409 with it.
     */
    RequestGate(
            EndpointLimits limits,
            List<String> datasets,
            KgProperties.Sparql sparql,
            Runnable onWrite,
            QueryAdmission admission,
            Supplier<Optional<String>> writeRefusal) {
        this.lineRules = new RequestLineRules(limits);
        this.writes = new WriteWatch(datasets.get(0), onWrite, writeRefusal);
        this.bodies = new BodyIntake(limits, datasets);
        this.sparqlRules = new SparqlRules(limits, sparql, datasets);
        this.admission = new DatasetAdmission(admission, datasets);
        this.timeoutMillis = sparql.timeout().toMillis();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (lineRules.refused(request, response) || writes.refused(request, response)) {
            return;
        }
        HttpServletRequest forward = bodies.take(request, response);
        if (forward == null) {
            return;
        }
        boolean upload = bodies.isUpload(request);
        if (!upload && sparqlRules.refused(forward, response)) {
            return;
        }
        GuardedResponse guarded;
        try (DatasetAdmission.Ticket ticket = admission.admit(request, response)) {
            if (ticket.refused()) {
                return;
            }
            guarded = pass(forward, response, chain, upload);
        }
        guarded.finish();
        writes.answered(request, response);
    }

    /** Hands the request to Fuseki, watching the client (not for uploads); the guarded response is finished after. */
    private GuardedResponse pass(
            HttpServletRequest forward, HttpServletResponse response, FilterChain chain, boolean upload)
            throws IOException, ServletException {
        ClientWatch.Watched watch = upload ? null : clientWatch.watch(forward);
        GuardedResponse guarded = new GuardedResponse(response, timeoutMillis, watch);
        try {
            chain.doFilter(forward, guarded);
        } finally {
            if (watch != null) {
                watch.end();
                if (watch.pipelined() && !response.isCommitted()) {
                    response.setHeader("Connection", "close");
                }
            }
        }
        return guarded;
    }

    @Override
    public void destroy() {
        clientWatch.close();
    }
}
