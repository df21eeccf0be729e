package org.cikg.query;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.cikg.asof.AsOf;
import org.cikg.asof.AsOfHeader;
import org.cikg.core.Accepts;
import org.cikg.sparql.CatalogQuery;
import org.cikg.sparql.QueryCatalog;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The named questions over REST.
 * <ul>
 *   <li>{@code GET /api/queries}: the public catalogue, read from the {@code .rq} headers;</li>
 *   <li>{@code GET /api/queries/{name}.rq}: the query's text ({@code text/plain}), to read or copy;</li>
 *   <li>{@code GET /api/queries/{name}?param=value}: runs it; JSON ({@link QueryResult}, the default), SPARQL JSON or
 *       CSV by {@code Accept}, or by {@code format=} ({@link #FORMAT}); at most {@value #ROW_LIMIT} rows, the answer saying whether there were more
 *       ({@link RowCap}). Answers are built in memory and sent whole: a timeout is a 503 problem, never a cut body.</li>
 * </ul>
 * Every answer names the query that ran in a {@code Link: <.../{name}.rq>; rel="describedby"} header.
 */
@RestController
class QueryController {
    static final int ROW_LIMIT = 1000;
    static final MediaType SPARQL_JSON = MediaType.parseMediaType("application/sparql-results+json");
    static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private static final List<MediaType> PRODUCED = List.of(MediaType.APPLICATION_JSON, SPARQL_JSON, CSV);

    private final QueryCatalog catalog;
    private final QuestionRunner questions;

    QueryController(QueryCatalog catalog, QuestionRunner questions) {
        this.catalog = catalog;
        this.questions = questions;
    }

    /** One catalogue entry as listed by {@code GET /api/queries}. */
    record Entry(
            String name,
            String title,
            String description,
            List<CatalogQuery.Param> parameters,
            String example,
            String source,
            String run) {}

    /**
     * The catalogue; {@code commonParameters} are the parameters every question takes besides its own.
     */
    record Catalogue(List<Entry> queries, List<CatalogQuery.Param> commonParameters) {}

    /** Parameters every question takes. */
    static final List<CatalogQuery.Param> COMMON = List.of(new CatalogQuery.Param(
            AsOf.PARAM,
            "year",
            false,
            "Read the graph as it stood in that year (1900 to next year): claims dated later, and entities founded "
                    + "later, are left out; figures are the latest up to that year; undated claims are kept"));

    @GetMapping(path = QueryLinks.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
    Catalogue list() {
        String base = base();
        return new Catalogue(
                catalog.publicQueries().stream()
                        .map(q -> new Entry(
                                q.name(),
                                q.title(),
                                q.description(),
                                q.params(),
                                base + QueryLinks.example(q),
                                base + QueryLinks.source(q),
                                base + QueryLinks.run(q)))
                        .toList(),
                COMMON);
    }

    @GetMapping(path = QueryLinks.BASE + "/{name:[A-Za-z0-9_-]+}.rq")
    ResponseEntity<String> text(@PathVariable String name) {
        CatalogQuery q = questions.question(name);
        return ResponseEntity.ok()
                .header(HttpHeaders.LINK, link(q))
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(q.text());
    }

    @GetMapping(path = QueryLinks.BASE + "/{name}")
    ResponseEntity<?> run(
            @PathVariable String name,
            @RequestParam MultiValueMap<String, String> params,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage)
            throws HttpMediaTypeNotAcceptableException {
        questions.question(name);
        MediaType format = params.containsKey(FORMAT) ? byName(params.getFirst(FORMAT)) : negotiate(accept);
        Map<String, List<String>> questionParams = new LinkedHashMap<>(params);
        questionParams.remove(FORMAT);
        QuestionRunner.Answer answer = questions.run(name, questionParams, acceptLanguage);
        CatalogQuery q = answer.query();
        Map<String, Node> bindings = answer.bindings();
        List<Var> vars = answer.rows().vars();
        RowCap cap = RowCap.take(answer.rows(), ROW_LIMIT);
        List<Binding> rows = cap.rows();
        boolean truncated = cap.truncated();

        ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                .header(HttpHeaders.LINK, link(q))
                .header(AsOfHeader.NAME, AsOfHeader.value(answer.asOf()))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_LANGUAGE)
                .header(RowCap.HEADER, Boolean.toString(truncated))
                .header(RowCap.LIMIT_HEADER, Integer.toString(ROW_LIMIT));
        if (format.equals(SPARQL_JSON)) {
            return ok.contentType(SPARQL_JSON).body(ResultRenderer.write(vars, rows, ResultSetLang.RS_JSON));
        }
        if (format.equals(CSV)) {
            return ok.contentType(new MediaType(CSV, StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + q.name() + ".csv\"")
                    .body(ResultRenderer.write(vars, rows, ResultSetLang.RS_CSV));
        }
        Map<String, String> bound = new LinkedHashMap<>();
        bindings.forEach((k, v) -> bound.put(k, v.isURI() ? v.getURI() : v.getLiteralLexicalForm()));
        answer.asOf().ifPresent(y -> bound.put(AsOf.PARAM, Integer.toString(y.year())));
        List<String> columns = ResultRenderer.columns(vars);
        return ok.contentType(MediaType.APPLICATION_JSON)
                .body(new QueryResult(
                        new QueryResult.Ran(q.name(), q.title(), base() + QueryLinks.source(q), bound),
                        columns,
                        ResultRenderer.rows(columns, rows),
                        rows.size(),
                        truncated,
                        ROW_LIMIT));
    }

    /**
     * {@code format=json|sparql-json|csv}: the answer's format named in the URL, for links that cannot set
     * {@code Accept} (the question pages' downloads); it wins over {@code Accept}. No catalogue query may declare a
     * parameter of this name.
     */
    static final String FORMAT = "format";

    static MediaType byName(String name) {
        return switch (name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "json" -> MediaType.APPLICATION_JSON;
            case "sparql-json", "srj" -> SPARQL_JSON;
            case "csv" -> CSV;
            default ->
                throw new org.cikg.problem.BadRequestException("Parameter 'format' must be json, sparql-json or csv");
        };
    }

    /** The first of JSON, SPARQL JSON, CSV that the Accept header allows, by quality; JSON when it allows anything. */
    static MediaType negotiate(String accept) throws HttpMediaTypeNotAcceptableException {
        return Accepts.firstOf(accept, PRODUCED).orElseThrow(() -> new HttpMediaTypeNotAcceptableException(PRODUCED));
    }

    private static String link(CatalogQuery q) {
        return "<" + base() + QueryLinks.source(q) + ">; rel=\"describedby\"; type=\"text/plain\"; title=\"" + q.name()
                + "\"";
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
