package org.cikg.query;

import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.exec.RowSet;
import org.cikg.sparql.CatalogQuery;
import org.cikg.sparql.QueryCatalog;
import org.cikg.store.KnowledgeStore;
import org.cikg.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Runs a public catalogue question with request parameters: finds it (404 if unknown), binds the parameters by
 * their declared types ({@link ParameterBinder}: 400 naming a bad one) and runs it. Used by the REST API and by the
 * graph export of a question's answer ({@code /api/queries/{name}/graph}).
 */
@Component
public class QuestionRunner {
    private final QueryCatalog catalog;
    private final KnowledgeStore store;
    private final ParameterBinder binder;

    QuestionRunner(QueryCatalog catalog, KnowledgeStore store, ParameterBinder binder) {
        this.catalog = catalog;
        this.store = store;
        this.binder = binder;
    }

    /**
     * What ran and what it answered.
     *
     * @param query    the catalogue query
     * @param bindings the parameters, as the RDF terms bound into it
     * @param rows     the answer, fully read
     */
    public record Answer(CatalogQuery query, Map<String, Node> bindings, RowSet rows) {
    }

    /** The public catalogue query of that name; {@link NotFoundException} if there is none. */
    public CatalogQuery question(String name) {
        return catalog.publicQueries().stream().filter(q -> q.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("No query named '" + shorten(name) + "' in the catalogue; "
                        + "GET " + QueryLinks.BASE + " lists them"));
    }

    /** Binds the request parameters to the question's declared parameters and runs it. */
    public Answer run(String name, Map<String, List<String>> params, String acceptLanguage) {
        CatalogQuery q = question(name);
        Map<String, Node> bindings = binder.bind(q, params, acceptLanguage);
        return new Answer(q, bindings, store.runner().select(q, bindings));
    }

    private static String shorten(String s) {
        String cut = s.length() > 60 ? s.substring(0, 60) + "..." : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
