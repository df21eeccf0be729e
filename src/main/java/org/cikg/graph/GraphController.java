package org.cikg.graph;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;
import org.cikg.asof.AsOf;
import org.cikg.asof.YearView;
import org.cikg.core.RequestLanguage;
import org.cikg.problem.BadRequestException;
import org.cikg.problem.NotFoundException;
import org.cikg.query.QuestionRunner;
import org.cikg.sparql.QueryAdmission;
import org.cikg.sparql.Terms;
import org.cikg.store.version.DataVersion;
import org.cikg.store.version.DataVersionCache;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/graph}: the neighbourhood of focus entities; {@code POST /api/graph}: the graph a read-only
 * CONSTRUCT builds. Both answer in the format {@code format=} names or {@code Accept} asks for (Cytoscape.js JSON by
 * default), 413 when the graph passes the edge limit, 400 for bad parameters. Labels are in the language of
 * {@code lang=}, else of {@code Accept-Language}, else English ({@link RequestLanguage}).
 */
@RestController
class GraphController {
    private static final int MAX_DEPTH = 3;

    /** Options of the question export; every other request parameter goes to the question itself ({@code asOf} both). */
    private static final Set<String> QUESTION_GRAPH_OPTIONS =
            Set.of("depth", "types", "predicates", "limit", "format", "version");

    private static final int MAX_QUESTION_FOCUS = 200;

    private final NeighbourhoodExtractor extractor;
    private final ConstructExport construct;
    private final GraphProperties props;
    private final QuestionRunner questions;
    private final QueryAdmission admission;
    /**
     * Neighbourhood exports already written, until the data changes: a depth-2 walk costs hundreds of queries.
     * Bounded by their bytes (64 MB in all).
     */
    private final DataVersionCache<Export, ResponseEntity<byte[]>> exports;

    private record Export(GraphRequest request, GraphFormat format, GexfWriter.Version version, Integer asOf) {}

    private final YearView years;

    GraphController(
            NeighbourhoodExtractor extractor,
            ConstructExport construct,
            GraphProperties props,
            QuestionRunner questions,
            DataVersion version,
            YearView years,
            QueryAdmission admission) {
        this.years = years;
        this.admission = admission;
        this.extractor = extractor;
        this.construct = construct;
        this.props = props;
        this.questions = questions;
        this.exports =
                new DataVersionCache<>(version, 64 << 20, e -> e.getBody().length, java.time.Duration.ofMinutes(10));
    }

    /**
     * {@code GET /api/queries/{name}/graph?...}: a named question's answer as a graph. The entities the question is
     * asked about (its entity parameters) and the entities its rows name become the focus of a neighbourhood export
     * ({@code depth}, default 1; {@code types}, {@code predicates}, {@code limit}, {@code format} as on
     * {@code /api/graph}); {@code lang} serves both. Every other parameter is the question's own.
     */
    @GetMapping("/api/queries/{name}/graph")
    ResponseEntity<byte[]> question(
            @PathVariable String name,
            @RequestParam MultiValueMap<String, String> params,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage)
            throws HttpMediaTypeNotAcceptableException {
        questions.question(name);
        GraphFormat f = GraphParams.format(params.getFirst("format"), accept);
        Map<String, List<String>> questionParams = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (!QUESTION_GRAPH_OPTIONS.contains(k)) {
                questionParams.put(k, v);
            }
        });
        QuestionRunner.Answer answer = questions.run(name, questionParams, acceptLanguage);
        Set<Node> focus = new LinkedHashSet<>();
        answer.bindings().values().stream().filter(n -> Terms.slugOf(n) != null).forEach(focus::add);
        for (Binding b : answer.rows()) {
            b.vars().forEachRemaining(v -> {
                Node n = b.get(v);
                if (Terms.slugOf(n) != null) {
                    focus.add(n);
                }
            });
        }
        if (focus.isEmpty()) {
            throw new NotFoundException(
                    "The question '" + name + "' names no entity for these parameters: nothing to draw");
        }
        if (focus.size() > MAX_QUESTION_FOCUS) {
            throw new org.cikg.problem.PayloadTooLargeException(
                    "The answer names " + focus.size() + " entities, more than the " + MAX_QUESTION_FOCUS
                            + " a question export starts from: narrow the question's parameters");
        }
        GraphRequest r = new GraphRequest(
                List.copyOf(focus),
                params.getFirst("depth") == null ? 1 : Terms.positiveInt("depth", params.getFirst("depth"), MAX_DEPTH),
                GraphParams.terms("types", params.get("types")),
                GraphParams.terms("predicates", params.get("predicates")),
                null,
                null,
                true,
                RequestLanguage.resolve(params.getFirst("lang"), acceptLanguage),
                limit(params.getFirst("limit")));
        return GraphResponse.of(
                extractor.extract(r, years.runner(answer.asOf())),
                f,
                GexfWriter.Version.of(params.getFirst("version")),
                answer.asOf());
    }

    @GetMapping("/api/graph")
    ResponseEntity<byte[]> neighbourhood(
            @RequestParam(required = false) List<String> focus,
            @RequestParam(required = false) String depth,
            @RequestParam(required = false) List<String> types,
            @RequestParam(required = false) List<String> predicates,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String undated,
            @RequestParam(required = false) String lang,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String version,
            @RequestParam(name = AsOf.PARAM, required = false) String asOfParam,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage)
            throws HttpMediaTypeNotAcceptableException {
        GraphFormat f = GraphParams.format(format, accept);
        GexfWriter.Version gexf = GexfWriter.Version.of(version);
        Optional<AsOf> asOf = AsOf.parse(asOfParam);
        List<String> focusValues = GraphParams.split(focus);
        if (focusValues.isEmpty()) {
            throw new BadRequestException(
                    "Parameter 'focus' is required: an entity slug such as deepseek (repeatable)");
        }
        List<Node> focusNodes = new ArrayList<>(new LinkedHashSet<>(
                focusValues.stream().map(v -> Terms.entity("focus", v)).toList()));
        Integer fromYear = from == null ? null : GraphParams.year("from", from);
        Integer toYear = to == null ? null : GraphParams.year("to", to);
        if (fromYear != null && toYear != null && fromYear > toYear) {
            throw new BadRequestException("Parameter 'from' (" + fromYear + ") is after 'to' (" + toYear + ")");
        }
        GraphRequest r = new GraphRequest(
                focusNodes,
                depth == null ? 1 : Terms.positiveInt("depth", depth, MAX_DEPTH),
                GraphParams.terms("types", types),
                GraphParams.terms("predicates", predicates),
                fromYear,
                toYear,
                GraphParams.bool("undated", undated),
                RequestLanguage.resolve(lang, acceptLanguage),
                limit(limit));
        return exports.get(
                new Export(r, f, gexf, asOf.map(AsOf::year).orElse(null)),
                k -> GraphResponse.of(extractor.extract(r, years.runner(asOf)), f, gexf, asOf));
    }

    @PostMapping(path = "/api/graph", consumes = "application/sparql-query")
    ResponseEntity<byte[]> constructBody(
            @RequestBody(required = false) String query,
            @RequestParam(required = false) String lang,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String version,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            HttpServletRequest request)
            throws HttpMediaTypeNotAcceptableException {
        GraphFormat f = GraphParams.format(format, accept);
        GexfWriter.Version v = GexfWriter.Version.of(version);
        try (QueryAdmission.Permit p = admission.admit(request.getRemoteAddr())) {
            return GraphResponse.of(
                    construct.run(query, RequestLanguage.resolve(lang, acceptLanguage), limit(limit)),
                    f,
                    v,
                    Optional.empty());
        }
    }

    /** The same as {@link #constructBody}, the query given as a form field. */
    @PostMapping(path = "/api/graph", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<byte[]> constructForm(
            @RequestParam(required = false) String query,
            @RequestParam(required = false) String lang,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String version,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            HttpServletRequest request)
            throws HttpMediaTypeNotAcceptableException {
        return constructBody(query, lang, limit, format, version, accept, acceptLanguage, request);
    }

    private int limit(String limit) {
        return limit == null ? props.maxEdges() : Terms.positiveInt("limit", limit, props.maxEdges());
    }
}
