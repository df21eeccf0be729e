package org.cikg.web;

import jakarta.servlet.http.HttpServletRequest;
import org.cikg.fuseki.FusekiEndpoints;
import org.cikg.query.QueryLinks;
import org.cikg.sparql.CatalogQuery;
import org.cikg.sparql.QueryCatalog;
import org.cikg.store.KnowledgeStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what the service is, the endpoints, the size of the graph. */
@Controller
class HomeController {
    private final KnowledgeStore store;
    private final FusekiEndpoints fuseki;
    private final QueryCatalog catalog;

    HomeController(KnowledgeStore store, FusekiEndpoints fuseki, QueryCatalog catalog) {
        this.store = store;
        this.fuseki = fuseki;
        this.catalog = catalog;
    }

    @GetMapping(path = "/", produces = "text/html")
    String home(Model model, HttpServletRequest request) {
        model.addAttribute("status", store.status());
        model.addAttribute("sparqlBase", "http://" + request.getServerName() + ":" + fuseki.port()
                + FusekiEndpoints.DATASET);
        model.addAttribute("queries", catalog.publicQueries());
        model.addAttribute("examples", catalog.publicQueries().stream()
                .collect(java.util.stream.Collectors.toMap(CatalogQuery::name, QueryLinks::example)));
        return "home";
    }
}
