package org.cikg.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cikg.core.Namespaces;
import org.cikg.problem.BadRequestException;
import org.cikg.problem.NotFoundException;
import org.cikg.search.SearchIndex;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The calls OpenRefine makes while a user types or looks, next to {@link ReconcileController}:
 * <ul>
 *   <li>{@code GET /reconcile/suggest/{entity,type,property}?prefix=}: {@code {"result": [{id, name, ...}]}};</li>
 *   <li>{@code GET /reconcile/preview?id=slug}: a small HTML card.</li>
 * </ul>
 */
@RestController
@CrossOrigin
@RequestMapping("/reconcile")
class SuggestController {
    private final Reconciler reconciler;
    private final SearchIndex index;

    SuggestController(Reconciler reconciler, SearchIndex index) {
        this.reconciler = reconciler;
        this.index = index;
    }

    @GetMapping(path = "/suggest/entity", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> suggestEntity(
            @RequestParam(name = "prefix", required = false) String prefix,
            @RequestParam(name = "type", required = false) String type) {
        Reconciler.Query q = reconciler.query("prefix", prefix, type, 10, List.of());
        List<Map<String, Object>> result = new ArrayList<>();
        for (Candidate c : reconciler.reconcile(q)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", c.id());
            r.put("name", c.name());
            if (c.description() != null) {
                r.put("description", c.description());
            }
            r.put("notable", c.type());
            result.add(r);
        }
        return Map.of("result", result);
    }

    @GetMapping(path = "/suggest/type", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> suggestType(@RequestParam(name = "prefix", required = false) String prefix) {
        requirePrefix(prefix);
        List<Candidate.TypeRef> out = new ArrayList<>();
        for (Candidate.TypeRef t : reconciler.classes()) {
            SearchIndex.OntologyClass c = index.classes().get(Namespaces.CIKG + t.id());
            List<String> names =
                    new ArrayList<>(c == null ? List.of() : c.labels().values());
            names.add(t.id());
            if (reconciler.prefixMatches(prefix, names.toArray(String[]::new))) {
                out.add(t);
            }
        }
        return Map.of("result", out);
    }

    @GetMapping(path = "/suggest/property", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> suggestProperty(@RequestParam(name = "prefix", required = false) String prefix) {
        requirePrefix(prefix);
        List<Map<String, Object>> out = new ArrayList<>();
        for (String[] p : reconciler.properties()) {
            if (reconciler.prefixMatches(prefix, p[0], p[1])) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("id", p[0]);
                r.put("name", p[1]);
                if (p[2] != null) {
                    r.put("description", p[2]);
                }
                out.add(r);
            }
        }
        return Map.of("result", out);
    }

    private static void requirePrefix(String prefix) {
        if (prefix == null || prefix.isBlank() || prefix.length() > Reconciler.MAX_QUERY) {
            throw new BadRequestException(
                    "Parameter 'prefix' is required (at most " + Reconciler.MAX_QUERY + " characters)");
        }
    }

    @GetMapping(path = "/preview", produces = MediaType.TEXT_HTML_VALUE)
    String preview(@RequestParam(name = "id", required = false) String id) {
        Candidate c = reconciler.describe(id);
        if (c == null) {
            throw new NotFoundException("No entity '" + id + "'");
        }
        String type = c.type().isEmpty() ? "" : c.type().get(0).name();
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + HtmlUtils.htmlEscape(c.name())
                + "</title></head><body style=\"font-family:sans-serif;font-size:13px;margin:6px\">"
                + "<div class=\"card\"><strong><a href=\"../page/" + HtmlUtils.htmlEscape(c.id())
                + "\" target=\"_blank\">"
                + HtmlUtils.htmlEscape(c.name()) + "</a></strong> <span class=\"type\">" + HtmlUtils.htmlEscape(type)
                + "</span><p class=\"gloss\">" + HtmlUtils.htmlEscape(c.description() == null ? "" : c.description())
                + "</p><code>" + HtmlUtils.htmlEscape(Namespaces.KGID + c.id()) + "</code></div></body></html>";
    }
}
