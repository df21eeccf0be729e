package org.cikg.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.cikg.asof.AsOf;
import org.cikg.sparql.Terms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /explore?focus={slug}[&asOf=2019]}: the interactive graph page, of the graph now or as of a year. The page itself holds no data: its script
 * ({@code static/js/explore.js}, Cytoscape.js from {@code static/vendor/}) fetches {@code /api/graph}.
 */
@Controller
class ExplorerController {

    @GetMapping(path = "/explore", produces = "text/html")
    String explore(@RequestParam(required = false) List<String> focus,
                   @RequestParam(required = false) String depth,
                   @RequestParam(required = false) String lang,
                   @RequestParam(name = AsOf.PARAM, required = false) String asOf,
                   Model model) {
        List<String> slugs = new ArrayList<>();
        if (focus != null) {
            for (String f : new LinkedHashSet<>(focus)) {
                if (!f.isBlank()) {
                    slugs.add(Terms.slugOf(Terms.entity("focus", f)));
                }
            }
        }
        model.addAttribute("focus", String.join(",", slugs));
        model.addAttribute("depth", depth == null ? 1 : Terms.positiveInt("depth", depth, 3));
        model.addAttribute("lang", lang == null ? "en" : Terms.lang("lang", lang));
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
}
