/**
 * Label search and autocomplete: a Lucene index of every {@code rdfs:label} and {@code skos:altLabel} in every
 * language ({@link org.cikg.search.SearchIndex}, rebuilt after each load and kept on disk one folder per data
 * version: {@link org.cikg.search.IndexFolder}), what goes into it ({@link org.cikg.search.IndexBuilder}) and how a
 * search is scored ({@link org.cikg.search.NameQuery}), the one normalisation of names shared by indexing and
 * querying ({@link org.cikg.search.NameNormalizer}), {@code GET /api/search} and the {@code GET /search} results page.
 */
package org.cikg.search;
