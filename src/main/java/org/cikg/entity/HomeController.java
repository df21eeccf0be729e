package org.cikg.entity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.cikg.fuseki.FusekiEndpoints;
import org.cikg.sparql.QueryCatalog;
import org.cikg.store.KnowledgeStore;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: what the service is, a search box, the classes with their counts (linking to the class listings),
 * the source articles, the questions, the endpoints and the size of the graph.
 */
@Controller
class HomeController {
    private final KnowledgeStore store;
    private final FusekiEndpoints fuseki;
    private final QueryCatalog catalog;
    private final EntityReader entities;

    HomeController(KnowledgeStore store, FusekiEndpoints fuseki, QueryCatalog catalog, EntityReader entities) {
        this.store = store;
        this.fuseki = fuseki;
        this.catalog = catalog;
        this.entities = entities;
    }

    /** Source articles listed on the home page; the rest are one link away (the paged class page). */
    static final int SOURCES_SHOWN = 50;

    /** The size of the graph in words: "6,453 facts (268 of them inferred) from 6 articles, updated 7 Dec 2026". */
    static String summary(KnowledgeStore.StoreStatus status, int articles) {
        if (status.loadedAt() == null) {
            return "The graph is empty: no data has been loaded yet.";
        }
        String updated = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH)
                .format(status.loadedAt().atZone(java.time.ZoneOffset.UTC));
        return String.format(
                java.util.Locale.ENGLISH,
                "%,d facts (%,d of them inferred) from %,d %s, updated %s",
                status.triples(),
                status.inferred(),
                articles,
                articles == 1 ? "article" : "articles",
                updated);
    }

    @GetMapping(path = "/", produces = "text/html")
    String home(org.springframework.ui.ModelMap model, HttpServletRequest request) {
        KnowledgeStore.StoreStatus status = store.status();
        model.addAttribute("status", status);
        model.addAttribute(
                "sparqlEndpoint", fuseki.queryEndpoint(request.getServerName()).orElse(null));
        model.addAttribute(
                "gspRead",
                fuseki.datasetUrl(request.getServerName()).map(d -> d + "/get").orElse(null));
        model.addAttribute("questionGroups", QuestionGroups.of(catalog.publicQueries()));
        model.addAttribute(
                "classes",
                entities.classCounts().stream().filter(c -> c.count() > 0).toList());
        List<EntityReader.SourceSummary> sources = entities.sources();
        model.addAttribute("sources", sources.subList(0, Math.min(sources.size(), SOURCES_SHOWN)));
        model.addAttribute("sourceCount", sources.size());
        model.addAttribute("summary", summary(status, sources.size()));
        PageSupport.common(model, request, fuseki);
        return "home";
    }
}
