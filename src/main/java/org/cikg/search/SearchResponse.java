package org.cikg.search;

import java.util.List;

/**
 * The answer of {@code GET /api/search}.
 *
 * @param query   the query as given
 * @param lang    the language names are shown in
 * @param type    the class filter (IRI), or null
 * @param results the matches, best first
 */
public record SearchResponse(String query, String lang, String type, List<SearchResult> results) {}
