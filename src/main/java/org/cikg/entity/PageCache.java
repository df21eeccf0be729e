package org.cikg.entity;

import java.time.Duration;
import org.cikg.store.version.DataVersion;
import org.cikg.store.version.DataVersionCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The entity pages and RDF documents already produced, as bytes, until the data changes ({@link DataVersionCache}
 * keyed by the {@link DataVersion}). An entity page costs three queries, the assembly and the template; served from
 * here it costs a map lookup. Bounded: at most {@value #MAX_PAGES} pages and {@value #MAX_DOCUMENTS} documents
 * (a page of a well-linked entity is 20-60 KB, so the pages stay within a few hundred MB at worst), each kept at most
 * {@link #TTL} in case the store changes in a way this process cannot see (a remote store written by others).
 */
@Component
class PageCache {
    static final int MAX_PAGES = 5_000;
    static final int MAX_DOCUMENTS = 5_000;
    /**
     * Pages and documents as of a year live in caches of their own, as many again: a crawler walking every year of
     * every entity churns those, and never evicts a current page. {@code kg.pages.as-of-cache-size} changes the bound
     * (the as-of benchmark lowers it, to churn that cache within its time).
     */
    static final int MAX_AS_OF = 5_000;

    static final Duration TTL = Duration.ofMinutes(10);

    /**
     * What a page depends on besides the data: the entity, the label language, the SPARQL endpoint's address as this
     * client reaches it, the path (the language switch links to it) and the year it shows (null: now).
     */
    record PageKey(String slug, String lang, String sparqlEndpoint, String path, Integer asOf) {}

    /** What an RDF document depends on besides the data. */
    record DocumentKey(String slug, RdfFormat format, Integer asOf) {}

    /** A rendered page; one shared empty instance stands for an entity the store does not hold (so unknown slugs are cached too). */
    record Rendered(byte[] body, String etag) {}

    final DataVersionCache<PageKey, Rendered> pages;
    final DataVersionCache<DocumentKey, Rendered> documents;
    final DataVersionCache<PageKey, Rendered> pagesAsOf;
    final DataVersionCache<DocumentKey, Rendered> documentsAsOf;

    PageCache(DataVersion version, @Value("${kg.pages.as-of-cache-size:" + MAX_AS_OF + "}") int asOfSize) {
        this.pages = new DataVersionCache<>(version, MAX_PAGES, TTL);
        this.documents = new DataVersionCache<>(version, MAX_DOCUMENTS, TTL);
        this.pagesAsOf = new DataVersionCache<>(version, asOfSize, TTL);
        this.documentsAsOf = new DataVersionCache<>(version, asOfSize, TTL);
    }

    /** The cache for pages of the current graph, or of the graph as of a year. */
    DataVersionCache<PageKey, Rendered> pages(PageKey key) {
        return key.asOf() == null ? pages : pagesAsOf;
    }

    /** The cache for documents of the current graph, or of the graph as of a year. */
    DataVersionCache<DocumentKey, Rendered> documents(DocumentKey key) {
        return key.asOf() == null ? documents : documentsAsOf;
    }
}
