package org.cikg.entity;

import java.util.List;
import jakarta.servlet.http.HttpServletRequest;
import org.cikg.fuseki.FusekiEndpoints;
import org.cikg.query.QueryLinks;
import org.cikg.sparql.CatalogQuery;
import org.cikg.sparql.QueryCatalog;
import org.cikg.store.KnowledgeStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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

    @GetMapping(path = "/", produces = "text/html")
    String home(Model model, HttpServletRequest request) {
        model.addAttribute("status", store.status());
        model.addAttribute("sparqlEndpoint", fuseki.queryEndpoint(request.getServerName()).orElse(null));
        model.addAttribute("gspRead", fuseki.datasetUrl(request.getServerName()).map(d -> d + "/get").orElse(null));
        model.addAttribute("queries", catalog.publicQueries());
        model.addAttribute("examples", catalog.publicQueries().stream()
                .collect(java.util.stream.Collectors.toMap(CatalogQuery::name, QueryLinks::example)));
        model.addAttribute("classes", entities.classCounts().stream().filter(c -> c.count() > 0).toList());
        List<EntityReader.SourceSummary> sources = entities.sources();
        model.addAttribute("sources", sources.subList(0, Math.min(sources.size(), SOURCES_SHOWN)));
        model.addAttribute("sourceCount", sources.size());
        return "home";
    }
}
