package org.cikg.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.jena.graph.Node;
import org.cikg.asof.AsOf;
import org.cikg.problem.BadRequestException;
import org.cikg.search.EntitySearch;
import org.cikg.search.SearchResult;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.Terms;
import org.cikg.store.KnowledgeStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /explore?focus={slug or name}[&asOf=2019]}: the interactive graph page, of the graph now or as of a year.
 * The page itself holds no data: its script ({@code static/js/explore.js}, Cytoscape.js and the fCoSE layout from
 * {@code static/vendor/}) fetches {@code /api/graph}. The focus box takes names (with autocomplete); a name that is
 * not a slug is looked up with the search and its best match used.
 */
@Controller
class ExplorerController {
    private final EntitySearch search;
    private final KnowledgeStore store;
    private final QueryCatalog catalog;

    ExplorerController(EntitySearch search, KnowledgeStore store, QueryCatalog catalog) {
        this.search = search;
        this.store = store;
        this.catalog = catalog;
    }

    @GetMapping(path = "/explore", produces = "text/html")
    String explore(
            @RequestParam(required = false) List<String> focus,
            @RequestParam(required = false) String depth,
            @RequestParam(required = false) String lang,
            @RequestParam(name = AsOf.PARAM, required = false) String asOf,
            Model model) {
        String language = lang == null ? "en" : Terms.lang("lang", lang);
        List<String> slugs = new ArrayList<>();
        if (focus != null) {
            for (String f : new LinkedHashSet<>(focus)) {
                for (String part : f.split(",")) {
                    if (!part.isBlank()) {
                        slugs.add(slug(part.strip(), language));
                    }
                }
            }
        }
        model.addAttribute("focus", String.join(",", slugs));
        model.addAttribute("focusName", slugs.isEmpty() ? "" : name(slugs.get(0), language));
        model.addAttribute("depth", depth == null ? 1 : Terms.positiveInt("depth", depth, 3));
        model.addAttribute("lang", language);
        Integer year = AsOf.parse(asOf).map(AsOf::year).orElse(null);
        model.addAttribute("asOf", year);
        // The years to offer: every year from 1990 to next year, newest first, and the one asked if older.
        List<Integer> years = new ArrayList<>();
        for (int y = AsOf.last(); y >= 1990; y--) {
            years.add(y);
        }
        if (year != null && !years.contains(year)) {
            years.add(year);
        }
        model.addAttribute("years", years);
        return "explore";
    }

    /** A slug as it is, or the slug of the entity a name finds (400 when nothing does). */
    private String slug(String value, String lang) {
        try {
            return Terms.slugOf(Terms.entity("focus", value));
        } catch (BadRequestException e) {
            List<SearchResult> hits =
                    search.search(value, null, lang, "1", null).results();
            if (hits.isEmpty() || hits.get(0).slug() == null) {
                throw new BadRequestException("Parameter 'focus': no entity is named '" + value + "'");
            }
            return hits.get(0).slug();
        }
    }

    /** The entity's label in the language, for the focus box. */
    private String name(String slug, String lang) {
        Node n = Terms.entity("focus", slug);
        return store.runner()
                .read(() -> new GraphLookups(store.runner(), catalog, lang)
                        .describe(n)
                        .graphNode()
                        .label());
    }
}
