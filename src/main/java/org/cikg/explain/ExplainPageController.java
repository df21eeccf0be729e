package org.cikg.explain;

import org.apache.jena.graph.Triple;
import org.cikg.core.RequestLanguage;
import org.cikg.problem.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code GET /explain?s=&p=&o=}: the explanation of a triple as an HTML page (the same tree the entity pages open
 * from an INFERRED badge), for links from the workbench's results. The same parameters as {@code /api/explain}.
 */
@Controller
class ExplainPageController {
    private final Explainer explainer;

    ExplainPageController(Explainer explainer) {
        this.explainer = explainer;
    }

    @GetMapping("/explain")
    String page(
            @RequestParam(required = false) String s,
            @RequestParam(required = false) String p,
            @RequestParam(required = false) String o,
            @RequestParam(required = false) String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            ModelMap model) {
        Triple t = TripleParams.triple(s, p, o);
        Explanation e = explainer
                .explain(t, RequestLanguage.primary(RequestLanguage.resolve(lang, acceptLanguage)))
                .orElseThrow(() -> new NotFoundException("The graph does not hold this triple, asserted or inferred: "
                        + org.apache.jena.riot.out.NodeFmtLib.str(t)));
        model.addAttribute("explanation", e);
        model.addAttribute(
                "jsonHref",
                UriComponentsBuilder.fromPath("/api/explain")
                        .queryParam("s", s)
                        .queryParam("p", p)
                        .queryParam("o", o)
                        .encode()
                        .toUriString());
        return "explain";
    }
}
