package org.cikg.entity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.cikg.core.BoundQuery;
import org.cikg.core.LabelPicker;
import org.cikg.core.Namespaces;
import org.cikg.fuseki.FusekiEndpoints;
import org.cikg.problem.BadRequestException;
import org.cikg.problem.UnknownEntityException;
import org.cikg.query.EntitySuggestions;
import org.cikg.query.QueryLinks;
import org.cikg.query.QuestionRunner;
import org.cikg.search.EntitySearch;
import org.cikg.search.SearchResult;
import org.cikg.sparql.CatalogQuery;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.SystemQuery;
import org.cikg.sparql.Terms;
import org.cikg.store.KnowledgeStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The named questions as pages: {@code /questions} lists them by what they answer, {@code /questions/{name}} is one
 * question's form (a field per declared parameter, typed: entity names with autocomplete, years, classes, languages)
 * and, once its required fields are filled, the answer as a table with links and sources, charts where it holds
 * years or figures ({@link Chart}), downloads (CSV, JSON, graph files from the REST API), the {@code .rq} text and a
 * link that opens the query, with the values bound, in the workbench. An entity field takes a slug or a name: a name
 * is looked up with the search, and the best match is used (the page says so); a slug the graph does not hold is a
 * 404 page with "did you mean".
 */
@Controller
class QuestionPages {
    /** Rows the page shows; the downloads carry the whole answer. */
    static final int ROWS_SHOWN = 500;

    private final QueryCatalog catalog;
    private final QuestionRunner questions;
    private final EntitySearch search;
    private final EntityReader reader;
    private final FusekiEndpoints fuseki;
    private final KnowledgeStore store;
    private final EntitySuggestions suggestions;

    QuestionPages(
            QueryCatalog catalog,
            QuestionRunner questions,
            EntitySearch search,
            EntityReader reader,
            FusekiEndpoints fuseki,
            KnowledgeStore store,
            EntitySuggestions suggestions) {
        this.store = store;
        this.suggestions = suggestions;
        this.catalog = catalog;
        this.questions = questions;
        this.search = search;
        this.reader = reader;
        this.fuseki = fuseki;
    }

    @GetMapping(path = "/questions", produces = "text/html")
    String list(HttpServletRequest request, ModelMap model) {
        PageSupport.common(model, request, fuseki);
        model.addAttribute("groups", QuestionGroups.of(catalog.publicQueries()));
        return "questions";
    }

    /** One field of a question's form. */
    record Field(
            String name,
            String label,
            String type,
            boolean required,
            String description,
            String value,
            String shown,
            String entityType,
            List<Option> options) {}

    /** One choice of a select field. */
    record Option(String value, String text) {}

    /** A value of an entity field that was read as a name: what was typed and what it was taken as. */
    record Resolved(String field, String typed, String label, String href) {}

    /** A download of the answer. */
    record Download(String label, String href, String mediaType) {}

    @GetMapping(path = "/questions/{name:[A-Za-z0-9_-]+}", produces = "text/html")
    String question(
            @PathVariable String name,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request,
            HttpServletResponse response,
            ModelMap model) {
        LabelLanguage lang = PageSupport.common(model, request, fuseki);
        CatalogQuery q = questions.question(name);
        model.addAttribute("q", q);
        model.addAttribute("question", QuestionGroups.question(q));
        model.addAttribute("group", QuestionGroups.groupOf(q));
        Map<String, List<String>> given = new LinkedHashMap<>();
        List<Resolved> resolved = new ArrayList<>();
        String error = null;
        List<UnknownEntityException.Suggestion> suggestions = List.of();
        Map<String, String> shown = new LinkedHashMap<>();
        try {
            for (CatalogQuery.Param p : q.params()) {
                String v = params.getFirst(p.name());
                if (v == null
                        || v.isBlank()
                        || p.name().equals("lang") && p.type().equals("lang")) {
                    continue;
                }
                v = v.strip();
                if (p.type().equals("entity")) {
                    shown.put(p.name(), v);
                    v = entityValue(p, v, lang, resolved, shown);
                }
                given.put(p.name(), List.of(v));
            }
        } catch (UnknownEntityException e) {
            error = e.getMessage();
            suggestions = e.suggestions();
        }
        given.put("lang", List.of(lang.code()));
        boolean ready = error == null
                && q.params().stream().filter(CatalogQuery.Param::required).allMatch(p -> given.containsKey(p.name()));
        model.addAttribute("fields", fields(q, params, shown));
        model.addAttribute("resolved", resolved);
        Map<String, Node> bindings = Map.of();
        if (ready) {
            try {
                QuestionRunner.Answer answer = questions.run(name, given, null);
                bindings = answer.bindings();
                List<Var> vars = answer.rows().vars();
                List<Binding> rows = answer.rows().rows();
                model.addAttribute("table", AnswerTable.of(vars, rows, false, ROWS_SHOWN, lang));
                model.addAttribute("charts", Chart.of(AnswerTable.plain(vars, rows)));
                model.addAttribute("downloads", downloads(q, given));
            } catch (UnknownEntityException e) {
                error = e.getMessage();
                suggestions = e.suggestions();
            } catch (BadRequestException e) {
                error = e.getMessage();
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
        }
        if (!suggestions.isEmpty() || error != null && response.getStatus() == HttpServletResponse.SC_OK) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        model.addAttribute("error", error);
        model.addAttribute("suggestions", suggestions);
        model.addAttribute("source", QueryLinks.source(q));
        model.addAttribute("workbench", "/sparql-ui#query=" + enc(workbenchText(q, bindings)));
        return "question";
    }

    /**
     * An entity field's value as the API takes it: a slug or entity IRI the graph holds is used as it is; anything
     * else is searched for (by the class the parameter names, if it names one) and the best match taken.
     */
    private String entityValue(
            CatalogQuery.Param p, String v, LabelLanguage lang, List<Resolved> resolved, Map<String, String> shown) {
        Node asSlug = null;
        try {
            asSlug = Terms.entity(p.name(), v);
        } catch (BadRequestException e) {
            // not a slug: a name, looked up below
        }
        if (asSlug != null) {
            if (reader.exists(asSlug)) {
                shown.put(p.name(), label(asSlug, lang));
                return Terms.slugOf(asSlug);
            }
            // A slug the graph does not hold: say so, with "did you mean", as the REST API does.
            throw suggestions.unknown(p.name(), asSlug);
        }
        String type = QuestionGroups.entityType(p);
        List<SearchResult> hits;
        try {
            hits = search.search(v, type, lang.code(), "1", null).results();
        } catch (BadRequestException e) {
            hits = List.of();
        }
        if (hits.isEmpty() && type != null) {
            hits = search.search(v, null, lang.code(), "1", null).results();
        }
        if (hits.isEmpty() || hits.get(0).slug() == null) {
            throw new UnknownEntityException(
                    "No entity named '" + v + "' in the graph (field '" + p.name() + "')", suggestions.forName(v));
        }
        SearchResult hit = hits.get(0);
        if (!hit.slug().equals(v)) {
            resolved.add(new Resolved(p.name(), v, hit.label(), "/page/" + hit.slug() + lang.suffix()));
        }
        shown.put(p.name(), hit.label());
        return hit.slug();
    }

    /** The entity's name in the page's language (else English), for its field. */
    private String label(Node entity, LabelLanguage lang) {
        List<Node> labels = new ArrayList<>();
        store.runner()
                .select(catalog.get(SystemQuery.ENTITY_LABELS), Map.of("entity", entity))
                .forEach(b -> labels.add(b.get("label")));
        return LabelPicker.best(labels, lang.code())
                .map(Node::getLiteralLexicalForm)
                .orElse(Terms.slugOf(entity));
    }

    private List<Field> fields(CatalogQuery q, MultiValueMap<String, String> params, Map<String, String> shown) {
        List<Field> out = new ArrayList<>();
        for (CatalogQuery.Param p : q.params()) {
            if (p.name().equals("lang") && p.type().equals("lang")) {
                continue;
            }
            String value = params.getFirst(p.name());
            List<Option> options = List.of();
            if (p.type().equals("class")) {
                options = reader.classCounts().stream()
                        .filter(c -> c.count() > 0)
                        .map(c -> new Option(c.local(), c.label()))
                        .toList();
            } else if (p.type().equals("iri") && p.name().equals("source")) {
                options = reader.sources().stream()
                        .map(s -> new Option("kgsrc:" + s.stem(), s.title() == null ? s.stem() : s.title()))
                        .toList();
            }
            out.add(new Field(
                    p.name(),
                    AnswerTable.heading(p.name()),
                    p.type(),
                    p.required(),
                    p.description(),
                    value == null ? "" : value,
                    shown.getOrDefault(p.name(), value == null ? "" : value),
                    QuestionGroups.entityType(p),
                    options));
        }
        return out;
    }

    private static List<Download> downloads(CatalogQuery q, Map<String, List<String>> given) {
        StringJoiner qs = new StringJoiner("&");
        given.forEach((k, vs) -> vs.forEach(v -> qs.add(enc(k) + "=" + enc(v))));
        String run = QueryLinks.run(q) + "?" + qs;
        String graph = QueryLinks.run(q) + "/graph?" + qs;
        return List.of(
                new Download("CSV", run + "&format=csv", "text/csv"),
                new Download("JSON", run + "&format=json", "application/json"),
                new Download("SPARQL JSON", run + "&format=sparql-json", "application/sparql-results+json"),
                new Download("GraphML", graph + "&format=graphml", "application/graphml+xml"),
                new Download("GEXF", graph + "&format=gexf", "application/gexf+xml"),
                new Download("Cytoscape JSON", graph + "&format=cytoscape", "application/json"));
    }

    /** The query with the form's values in a VALUES block (the page's own values, or its example's when empty). */
    private static String workbenchText(CatalogQuery q, Map<String, Node> bindings) {
        Query bound = BoundQuery.withValues(q.query(), bindings);
        PrefixMapping prefixes = PrefixMapping.Factory.create()
                .setNsPrefix("cikg", Namespaces.CIKG)
                .setNsPrefix("kgid", Namespaces.KGID)
                .setNsPrefix("kgsrc", Namespaces.KGSRC)
                .setNsPrefixes(q.query().getPrefixMapping());
        bound.setPrefixMapping(prefixes);
        return "# " + q.title() + "\n" + bound.serialize();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
