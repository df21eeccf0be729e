package org.cikg.search;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/search?q=&type=&lang=&limit=}: entities whose names match, best first, as JSON.
 * Parameters are taken as strings and validated by {@link EntitySearch}, so a bad one gets a 400 naming it.
 */
@RestController
class SearchApiController {
    private final EntitySearch search;

    SearchApiController(EntitySearch search) {
        this.search = search;
    }

    @GetMapping(path = "/api/search", produces = "application/json")
    SearchResponse search(
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "type", required = false) String type,
            @RequestParam(name = "lang", required = false) String lang,
            @RequestParam(name = "limit", required = false) String limit,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return search.search(q, type, lang, limit, acceptLanguage);
    }
}
