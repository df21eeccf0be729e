package org.cikg.search;

/**
 * One entity found by a search, as {@code GET /api/search} returns it.
 *
 * @param iri         the entity IRI
 * @param slug        its slug, for {@code /page/{slug}}
 * @param label       its name in the asked language (else English, else any)
 * @param type        its most specific ontology class (IRI), null when it has none
 * @param typeLabel   that class's name in the asked language (else English)
 * @param matched     the name that matched the query, as the data writes it
 * @param matchedLang that name's language tag
 * @param score       the ranking score: exact matches score highest, then prefix, then fuzzy
 * @param summary     its one-line description ({@code rdfs:comment}, asked language else English), or null
 */
public record SearchResult(
        String iri,
        String slug,
        String label,
        String type,
        String typeLabel,
        String matched,
        String matchedLang,
        double score,
        String summary) {}
