package org.cikg.entity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDFS;
import org.cikg.asof.AsOf;
import org.cikg.asof.AsOfHeader;
import org.cikg.fuseki.FusekiEndpoints;
import org.cikg.problem.BadRequestException;
import org.cikg.problem.NotFoundException;
import org.cikg.problem.UnknownEntityException;
import org.cikg.query.EntitySuggestions;
import org.cikg.sparql.Terms;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Entity IRIs and their documents.
 * <ul>
 *   <li>{@code GET /id/{slug}}: the entity itself. 303 See Other to {@code /page/{slug}} for HTML, or to
 *       {@code /data/{slug}.{ttl,jsonld,nt,rdf}} for RDF, by {@code Accept}; 404 when unknown; 406 when the client
 *       accepts none of these.</li>
 *   <li>{@code GET /data/{slug}.{ext}}: the entity's RDF document, written by Jena RIOT.</li>
 *   <li>{@code GET /page/{slug}}: the entity's HTML page.</li>
 * </ul>
 * Pages and documents are produced once per data version and served as bytes from {@link PageCache}, with an
 * {@code ETag} (a repeated request with {@code If-None-Match} gets 304).
 */
@Controller
class EntityController {
    /** Cached for a slug the store does not hold, so repeated misses cost no query either. */
    private static final PageCache.Rendered NONE = new PageCache.Rendered(new byte[0], "");

    private final EntityReader reader;
    private final FusekiEndpoints fuseki;
    private final PageCache cache;
    private final ITemplateEngine templates;
    private final EntityYears years;
    private final EntityClaimsReader claims;
    private final EntitySuggestions suggestions;
    private final AspectPanels panels;

    EntityController(
            EntityReader reader,
            FusekiEndpoints fuseki,
            PageCache cache,
            ITemplateEngine templates,
            EntityYears years,
            EntityClaimsReader claims,
            EntitySuggestions suggestions,
            AspectPanels panels) {
        this.panels = panels;
        this.reader = reader;
        this.fuseki = fuseki;
        this.cache = cache;
        this.templates = templates;
        this.years = years;
        this.claims = claims;
        this.suggestions = suggestions;
    }

    @GetMapping("/id/{slug}")
    String resolve(
            @PathVariable String slug,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletRequest request,
            HttpServletResponse response,
            ModelMap model)
            throws HttpMediaTypeNotAcceptableException {
        Negotiation n = Negotiation.of(accept, true);
        Optional<Node> entity = known(slug).filter(reader::exists);
        if (entity.isEmpty()) {
            return unknown(slug, n.html(), request, response, model);
        }
        String s = Terms.slugOf(entity.get());
        PageSupport.seeOther(response, n.html() ? "/page/" + s : "/data/" + s + "." + n.format().extension);
        return null;
    }

    @GetMapping("/data/{slug}.{ext}")
    String data(
            @PathVariable String slug,
            @PathVariable String ext,
            HttpServletRequest request,
            HttpServletResponse response) {
        RdfFormat format = RdfFormat.byExtension(ext)
                .orElseThrow(() -> new NotFoundException("No format '" + ext + "': use one of "
                        + Arrays.stream(RdfFormat.values())
                                .map(f -> f.extension)
                                .toList()));
        Optional<AsOf> asOf = AsOf.parse(request.getParameter(AsOf.PARAM));
        PageCache.DocumentKey key =
                new PageCache.DocumentKey(slug, format, asOf.map(AsOf::year).orElse(null));
        PageCache.Rendered doc = cache.documents(key)
                .get(
                        key,
                        k -> known(slug)
                                .flatMap(e -> document(e, asOf))
                                .map(m -> rendered(PageSupport.rdfBytes(m, format)))
                                .orElse(NONE));
        if (doc == NONE) {
            throw new NotFoundException("No entity '" + slug + "' in the graph");
        }
        response.setHeader(AsOfHeader.NAME, AsOfHeader.value(asOf));
        PageSupport.writeBytes(request, response, format.contentType().toString(), doc.body(), doc.etag());
        return null;
    }

    /**
     * The entity's RDF document, or as of a year: what holds then; for an entity that did not exist yet, its names
     * and a comment saying so. Empty when the store does not hold the entity.
     */
    private Optional<Model> document(Node e, Optional<AsOf> asOf) {
        Optional<Model> now = reader.entityGraph(e);
        if (asOf.isEmpty() || now.isEmpty()) {
            return now;
        }
        Optional<Model> then = reader.entityGraph(e, years.runner(asOf));
        if (then.isPresent()) {
            return then;
        }
        Model m = EntityReader.withPrefixes(ModelFactory.createDefaultModel());
        Resource r = m.createResource(e.getURI());
        now.get()
                .createResource(e.getURI())
                .listProperties(RDFS.label)
                .forEachRemaining(st -> r.addProperty(st.getPredicate(), st.getObject()));
        r.addProperty(
                RDFS.comment,
                years.panel(e, asOf, LabelLanguage.ENGLISH, now.get()).notice(),
                "en");
        return Optional.of(m);
    }

    @GetMapping("/page/{slug}")
    String page(
            @PathVariable String slug,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletRequest request,
            HttpServletResponse response,
            ModelMap model) {
        Optional<AsOf> asOf = AsOf.parse(request.getParameter(AsOf.PARAM));
        LabelLanguage lang = PageSupport.common(model, request, fuseki);
        String endpoint = PageSupport.sparqlEndpoint(request, fuseki).orElse("");
        PageCache.PageKey key = new PageCache.PageKey(
                slug,
                lang.code(),
                endpoint,
                request.getRequestURI(),
                asOf.map(AsOf::year).orElse(null));
        PageCache.Rendered html = cache.pages(key).get(key, k -> render(slug, lang, model, asOf));
        if (html == NONE) {
            return unknown(slug, Negotiation.prefersHtml(accept), request, response, model);
        }
        response.setHeader(AsOfHeader.NAME, AsOfHeader.value(asOf));
        PageSupport.writeBytes(request, response, "text/html;charset=UTF-8", html.body(), html.etag());
        return null;
    }

    /** The page as the {@code entity} template writes it, from the model {@link PageSupport#common} filled. */
    private PageCache.Rendered render(String slug, LabelLanguage lang, ModelMap model, Optional<AsOf> asOf) {
        Optional<Node> entity = known(slug);
        Optional<Model> current = entity.flatMap(reader::entityGraph);
        if (current.isEmpty()) {
            return NONE;
        }
        Node e = entity.get();
        String s = Terms.slugOf(e);
        EntityPage.YearPanel panel = years.panel(e, asOf, lang, current.get());
        String year = panel.year() == null ? "" : "?" + AsOf.PARAM + "=" + panel.year();
        List<EntityPage.Download> downloads = Arrays.stream(RdfFormat.values())
                .map(f -> new EntityPage.Download(f.label, "/data/" + s + "." + f.extension + year, f.mediaType()))
                .toList();
        String sparql = reader.entityQueryText(e);
        EntityPage page;
        EntityClaims disputes;
        List<AspectPanels.Panel> aspects;
        if (panel.notYet()) {
            // Nothing holds in that year: the names and gloss say what the page is about, the notice says why.
            EntityPage now = new EntityPageAssembler(
                            current.get(), current.get().createResource(e.getURI()), java.util.Set.of(), lang)
                    .assemble(downloads, sparql);
            page = new EntityPage(
                    now.slug(),
                    now.iri(),
                    now.title(),
                    now.description(),
                    now.names(),
                    now.types(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    new EntityPage.GraphView(now.graph().width(), now.graph().height(), List.of(), List.of()),
                    downloads,
                    sparql);
            disputes = null;
            aspects = List.of();
        } else {
            var runner = years.runner(asOf);
            Model graph = asOf.isEmpty()
                    ? current.get()
                    : reader.entityGraph(e, runner).orElse(current.get());
            EntityPageAssembler assembler = new EntityPageAssembler(
                    graph, graph.createResource(e.getURI()), reader.inferred(e, runner), lang, years.notes(asOf, lang));
            page = assembler.assemble(downloads, sparql);
            disputes = new EntityClaimsAssembler(graph, graph.createResource(e.getURI()), lang, assembler)
                    .assemble(claims.disputed(e, runner));
            aspects = panels.panels(e, lang, panel.year());
        }
        Context ctx = new Context(Locale.ENGLISH);
        ctx.setVariables(model);
        ctx.setVariable("page", page);
        ctx.setVariable("claims", disputes);
        ctx.setVariable("panels", aspects);
        ctx.setVariable("asOf", panel);
        // The language switch keeps the year.
        ctx.setVariable("keepQuery", panel.query());
        Object endpoint = model.get("sparqlEndpoint");
        ctx.setVariable(
                "workbenchLink",
                "/sparql-ui#query="
                        + URLEncoder.encode(sparql, StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.setVariable(
                "sparqlLink",
                endpoint == null ? null : endpoint + "?query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8));
        return rendered(templates.process("entity", ctx).getBytes(StandardCharsets.UTF_8));
    }

    private static PageCache.Rendered rendered(byte[] body) {
        return new PageCache.Rendered(body, PageSupport.etag(body));
    }

    private Optional<Node> known(String slug) {
        Node node;
        try {
            node = Terms.entity("slug", slug);
        } catch (BadRequestException e) {
            return Optional.empty();
        }
        return Optional.of(node);
    }

    /** 404: an HTML page with suggestions for people, problem+json for everything else. */
    private String unknown(
            String slug, boolean html, HttpServletRequest request, HttpServletResponse response, ModelMap model) {
        List<UnknownEntityException.Suggestion> found = suggestions.forName(slug);
        if (!html) {
            throw new UnknownEntityException("No entity '" + slug + "' in the graph", found);
        }
        LabelLanguage lang = PageSupport.common(model, request, fuseki);
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("slug", slug);
        model.addAttribute(
                "suggestions",
                found.stream()
                        .map(s -> new Link(s.label(), s.page() + lang.suffix(), "en"))
                        .toList());
        return "not-found";
    }
}
