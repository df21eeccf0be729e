package org.cikg.fuseki;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.fuseki.DEF;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.cikg.config.KgProperties;
import org.cikg.sparql.DeadlineRegex;

/**
 * The checks on a SPARQL request (not a Graph Store upload), in this order: its parameters ({@code callback},
 * {@code stylesheet}, a malformed or repeated {@code timeout}: 400), its query or update text (nesting deeper than
 * {@link EndpointLimits#maxDepth()} or a parse that exhausts the stack: 400; a regular expression pattern longer than
 * {@code kg.sparql.regex-max-length}: 400; {@code LOAD}: 403; an update that does not parse: 400), and, except on an
 * update endpoint, its {@code Accept} header (406 when no result or RDF format satisfies it). The query text is parsed
 * here once, in {@link #checkQuery}, and the update text once, in {@link #checkUpdate}.
 */
final class SparqlRules {
    private static final AcceptList OFFERS = offers();

    private final EndpointLimits limits;
    private final int regexMaxLength;
    private final List<String> updatePaths;

    SparqlRules(EndpointLimits limits, KgProperties.Sparql sparql, List<String> datasets) {
        this.limits = limits;
        this.regexMaxLength = sparql.regexMaxLength();
        this.updatePaths = datasets.stream().map(d -> d + "/update").toList();
    }

    /** True when the request was refused (and the problem written). */
    boolean refused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (refusedParameters(request, response) || refusedText(request, response)) {
            return true;
        }
        if (!updatePaths.contains(request.getRequestURI()) && !acceptable(request)) {
            ProblemBody.write(
                    response,
                    406,
                    "Not acceptable",
                    "No SPARQL result or RDF format matches the Accept header; "
                            + "ask for application/sparql-results+json, text/csv, text/turtle, ...");
            return true;
        }
        return false;
    }

    /**
     * Refuses (400) {@code callback} or {@code stylesheet} (Fuseki writes their values into the response: JSONP and an
     * XSLT reference, both ways to run a page's script or style on our answer), or a {@code timeout} parameter that is
     * not one Fuseki would read as meant: Fuseki ignores a malformed one silently, and two of them are ambiguous. A
     * well-formed one is capped later ({@link LimitedQueryService}).
     */
    private static boolean refusedParameters(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        for (String reflected : new String[] {"callback", "stylesheet"}) {
            if (request.getParameter(reflected) != null) {
                ProblemBody.write(
                        response,
                        400,
                        "Parameter not supported",
                        "The " + reflected + " parameter is not "
                                + "supported: its value would be written into the response.");
                return true;
            }
        }
        String[] values = request.getParameterValues(ClientTimeout.PARAMETER);
        if (values == null) {
            return false;
        }
        if (values.length > 1) {
            ProblemBody.write(response, 400, "Bad timeout", "Give the timeout parameter once.");
            return true;
        }
        try {
            ClientTimeout.parse(values[0]);
            return false;
        } catch (IllegalArgumentException e) {
            ProblemBody.write(
                    response, 400, "Bad timeout", e.getMessage() + "; it can only shorten this service's limit.");
            return true;
        }
    }

    /** What a check of the query text leaves to do: go on to the update, stop and hand on to Fuseki, or refused. */
    private enum Verdict {
        GO_ON,
        HAND_ON,
        REFUSED
    }

    private boolean refusedText(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String query = request.getParameter("query");
        String update = request.getParameter("update");
        String contentType = RequestLineRules.baseType(request.getContentType());
        if (request instanceof BufferedRequest b) {
            if ("application/sparql-query".equals(contentType)) {
                query = b.text();
            } else if ("application/sparql-update".equals(contentType)) {
                update = b.text();
            }
        }
        for (String text : new String[] {query, update}) {
            if (text != null && NestingDepth.of(text) > limits.maxDepth()) {
                ProblemBody.write(
                        response,
                        400,
                        "Query too deeply nested",
                        "Brackets nest deeper than " + limits.maxDepth() + " levels.");
                return true;
            }
        }
        Verdict verdict = query == null ? Verdict.GO_ON : checkQuery(query, response);
        if (verdict != Verdict.GO_ON) {
            return verdict == Verdict.REFUSED;
        }
        return update != null && checkUpdate(update, response) == Verdict.REFUSED;
    }

    /** Parses the query: a regular expression pattern too long is refused; a query that does not parse is Fuseki's. */
    private Verdict checkQuery(String query, HttpServletResponse response) throws IOException {
        try {
            Optional<String> pattern =
                    DeadlineRegex.tooLongPattern(QueryFactory.create(query, Syntax.syntaxARQ), regexMaxLength);
            if (pattern.isPresent()) {
                ProblemBody.write(
                        response,
                        400,
                        "Regular expression too long",
                        "A pattern is " + pattern.get().length() + " characters long; at most " + regexMaxLength
                                + " are allowed.");
                return Verdict.REFUSED;
            }
            return Verdict.GO_ON;
        } catch (QueryParseException e) {
            return Verdict.HAND_ON; // Fuseki answers 400 with the parser's message
        } catch (StackOverflowError e) {
            return tooDeep(response);
        } catch (RuntimeException e) {
            return Verdict.HAND_ON; // anything else the parser rejects is Fuseki's to report
        }
    }

    /** Parses the update: {@code LOAD} is refused (403), and so is an update that does not parse (400). */
    private static Verdict checkUpdate(String update, HttpServletResponse response) throws IOException {
        try {
            UpdateRequest u = UpdateFactory.create(update, Syntax.syntaxARQ);
            if (u.getOperations().stream().anyMatch(UpdateLoad.class::isInstance)) {
                ProblemBody.write(
                        response,
                        403,
                        "LOAD is not allowed",
                        "This service does not fetch URLs or "
                                + "read files for updates; send the data with the Graph Store Protocol (/kg/data).");
                return Verdict.REFUSED;
            }
            return Verdict.GO_ON;
        } catch (QueryParseException e) {
            // Refused here, not passed on: Fuseki parses updates as a stream and runs each operation as it is
            // read, so the operations before a syntax error (a LOAD among them) would run before its 400.
            ProblemBody.write(
                    response,
                    400,
                    "Malformed update",
                    "The update does not parse: " + ProblemBody.plain(e.getMessage()));
            return Verdict.REFUSED;
        } catch (StackOverflowError e) {
            return tooDeep(response);
        } catch (RuntimeException e) {
            return Verdict.HAND_ON; // anything else the parser rejects is Fuseki's to report
        }
    }

    private static Verdict tooDeep(HttpServletResponse response) throws IOException {
        ProblemBody.write(response, 400, "Query too deeply nested", "The query nests too deeply to parse.");
        return Verdict.REFUSED;
    }

    private static boolean acceptable(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null
                || accept.isBlank()
                || request.getParameter("output") != null
                || request.getParameter("format") != null
                || request.getParameter("results") != null) {
            return true;
        }
        try {
            return AcceptList.match(new AcceptList(accept), OFFERS) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static AcceptList offers() {
        List<MediaRange> all = new ArrayList<>();
        for (AcceptList l :
                new AcceptList[] {DEF.rsOfferTable, DEF.rsOfferBoolean, DEF.constructOffer, DEF.quadsOffer, DEF.rdfOffer
                }) {
            all.addAll(l.entries());
        }
        return new AcceptList(all);
    }
}
