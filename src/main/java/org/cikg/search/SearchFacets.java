package org.cikg.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The type facets of a search: how many of its matches are of each (most specific) class, most frequent first, so
 * the results page can offer "Startup (3) · District (12) · ..." links that filter by {@code type=}.
 */
final class SearchFacets {
    /** One class among the matches: its IRI, its label in the page's language, and how many matches have it. */
    record Facet(String type, String local, String label, int count) {}

    static List<Facet> of(SearchResponse unfiltered) {
        Map<String, Facet> byType = new LinkedHashMap<>();
        for (SearchResult r : unfiltered.results()) {
            if (r.type() == null) {
                continue;
            }
            Facet f = byType.get(r.type());
            String local = r.type().substring(r.type().lastIndexOf('#') + 1);
            byType.put(
                    r.type(),
                    new Facet(
                            r.type(),
                            local,
                            r.typeLabel() == null ? local : r.typeLabel(),
                            f == null ? 1 : f.count() + 1));
        }
        List<Facet> out = new ArrayList<>(byType.values());
        out.sort(Comparator.comparingInt(Facet::count).reversed().thenComparing(Facet::label));
        return out;
    }

    private SearchFacets() {}
}
