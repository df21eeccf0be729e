/**
 * Label search and autocomplete: an in-memory Lucene index of every {@code rdfs:label} and {@code skos:altLabel}
 * in every language ({@link org.cikg.search.SearchIndex}, rebuilt after each load), the one normalisation of names
 * shared by indexing and querying ({@link org.cikg.search.NameNormalizer}), {@code GET /api/search} and the
 * {@code GET /search} results page.
 */
package org.cikg.search;
