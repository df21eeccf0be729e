package org.cikg.search;

import jakarta.servlet.http.HttpServletResponse;
import org.cikg.problem.BadRequestException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /search?q=}: the results page, server-rendered (usable without JavaScript), each match linking to its
 * entity page. An empty query shows just the search form; an invalid one shows the form with the reason, as 400.
 */
@Controller
class SearchPageController {
    private final EntitySearch search;

    SearchPageController(EntitySearch search) {
        this.search = search;
    }

    @GetMapping(path = "/search", produces = "text/html")
    String page(
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "type", required = false) String type,
            @RequestParam(name = "lang", required = false) String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("type", type == null ? "" : type);
        if (q != null && !q.isBlank()) {
            try {
                model.addAttribute("response", search.search(q, type, lang, "50", acceptLanguage));
                // Facets count the classes among all matches, so a filtered page still offers the other classes.
                model.addAttribute("facets", SearchFacets.of(search.search(q, null, lang, "100", acceptLanguage)));
            } catch (BadRequestException e) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                model.addAttribute("error", e.getMessage());
            }
        }
        return "search";
    }
}
