package org.cikg.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.cikg.core.LabelPicker;
import org.cikg.core.RequestLanguage;
import org.cikg.problem.BadRequestException;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.Terms;
import org.cikg.store.KnowledgeStore;
import org.cikg.store.version.DataVersion;
import org.cikg.store.version.DataVersionCache;
import org.springframework.stereotype.Component;

/**
 * Validates a search request, asks the {@link SearchIndex}, and dresses each hit for display: the entity's name in
 * the asked language, its type's name, its one-line description. Shared by the JSON API and the results page.
 */
@Component
public class EntitySearch {
    public static final int MAX_QUERY = 200;
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 10;

    private final SearchIndex index;
    private final KnowledgeStore store;
    private final QueryCatalog catalog;
    /**
     * Answers already given, keyed by the index they came from as well as the data version (the index is rebuilt
     * after a load, a moment after the data version moves).
     */
    private final DataVersionCache<Asked, SearchResponse> answers;

    private record Asked(String indexVersion, String q, String typeIri, String lang, int limit) {}

    public EntitySearch(SearchIndex index, KnowledgeStore store, QueryCatalog catalog, DataVersion version) {
        this.index = index;
        this.store = store;
        this.catalog = catalog;
        this.answers = new DataVersionCache<>(version, 10_000, java.time.Duration.ofMinutes(10));
    }

    /**
     * Runs a search from raw request values, each validated (400 naming the parameter).
     *
     * @param q              required, at most {@value #MAX_QUERY} characters
     * @param type           optional class: local name ({@code Startup}), {@code cikg:Startup} or IRI
     * @param lang           optional language tag; when absent, {@code acceptLanguage} decides, else English
     *                       ({@link RequestLanguage})
     * @param limit          optional, 1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}
     * @param acceptLanguage the request's {@code Accept-Language} header, or null
     */
    public SearchResponse search(String q, String type, String lang, String limit, String acceptLanguage) {
        if (q == null || q.isBlank()) {
            throw new BadRequestException("Parameter 'q' is required: the name to search for");
        }
        if (q.length() > MAX_QUERY) {
            throw new BadRequestException("Parameter 'q' is longer than " + MAX_QUERY + " characters");
        }
        int n = limit == null || limit.isBlank() ? DEFAULT_LIMIT : Terms.positiveInt("limit", limit, MAX_LIMIT);
        String language = RequestLanguage.resolve(lang, acceptLanguage);
        String typeIri = null;
        if (type != null && !type.isBlank()) {
            typeIri = Terms.ontologyTerm("type", type).getURI();
            if (!index.classes().containsKey(typeIri)) {
                throw new BadRequestException("Parameter 'type' must be a class of the ontology (such as Startup, "
                        + "Organization, Person, City); '" + type.strip() + "' is not one");
            }
        }
        String t = typeIri;
        return answers.get(new Asked(index.indexedVersion(), q, typeIri, language, n), k -> answer(q, t, language, n));
    }

    private SearchResponse answer(String q, String typeIri, String language, int n) {
        List<SearchIndex.Hit> hits = index.search(q, typeIri, n);
        // One read transaction for all the results' details.
        List<SearchResult> results = store.runner().read(() -> {
            List<SearchResult> out = new ArrayList<>();
            for (SearchIndex.Hit hit : hits) {
                out.add(dress(hit, language));
            }
            return out;
        });
        return new SearchResponse(q, language, typeIri, List.copyOf(results));
    }

    private SearchResult dress(SearchIndex.Hit hit, String lang) {
        Node entity = org.apache.jena.graph.NodeFactory.createURI(hit.entity());
        EntityNames names = EntityNames.read(store.runner(), catalog, entity);
        Map<String, String> labels = names.labels();
        Map<String, String> comments = names.comments();
        String typeLabel = null;
        if (hit.type() != null) {
            SearchIndex.OntologyClass c = index.classes().get(hit.type());
            typeLabel = c == null ? null : pick(c.labels(), lang);
            if (typeLabel == null) {
                typeLabel = hit.type().substring(hit.type().lastIndexOf('#') + 1);
            }
        }
        String label = pick(labels, lang);
        return new SearchResult(
                hit.entity(),
                Terms.slugOf(entity),
                label == null ? hit.name() : label,
                hit.type(),
                typeLabel,
                hit.name(),
                hit.lang(),
                Math.round(hit.score() * 1000) / 1000.0,
                pick(comments, lang));
    }

    /** The value {@link LabelPicker} picks for {@code lang}, or null. */
    static String pick(Map<String, String> byLang, String lang) {
        return LabelPicker.best(byLang, lang).orElse(null);
    }
}
