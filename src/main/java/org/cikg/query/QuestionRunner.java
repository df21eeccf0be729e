package org.cikg.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.cikg.asof.AsOf;
import org.cikg.asof.YearView;
import org.cikg.problem.NotFoundException;
import org.cikg.sparql.CatalogQuery;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.Table;
import org.cikg.store.KnowledgeStore;
import org.cikg.store.version.DataVersion;
import org.cikg.store.version.DataVersionCache;
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
    private final YearView years;
    /**
     * Answers already computed, until the data changes: a question's answer depends only on its name, its bound
     * parameters and the data. Bounded by the rows held (a million at most, across answers).
     */
    private final DataVersionCache<Asked, Table> answers;

    private record Asked(String name, Map<String, Node> bindings, Optional<AsOf> asOf) {}

    QuestionRunner(
            QueryCatalog catalog, KnowledgeStore store, ParameterBinder binder, DataVersion version, YearView years) {
        this.catalog = catalog;
        this.store = store;
        this.binder = binder;
        this.years = years;
        this.answers = new DataVersionCache<>(version, 1_000_000, t -> t.size() + 1, java.time.Duration.ofMinutes(10));
    }

    /**
     * What ran and what it answered.
     *
     * @param query    the catalogue query
     * @param bindings the parameters, as the RDF terms bound into it
     * @param rows     the answer, as the runner returned it (and the cache keeps it)
     * @param asOf     the year it was asked as of, if any
     */
    public record Answer(CatalogQuery query, Map<String, Node> bindings, Table rows, Optional<AsOf> asOf) {}

    /** The public catalogue query of that name; {@link NotFoundException} if there is none. */
    public CatalogQuery question(String name) {
        return catalog.publicQueries().stream()
                .filter(q -> q.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No query named '" + shorten(name) + "' in the catalogue; "
                        + "GET " + QueryLinks.BASE + " lists them"));
    }

    /**
     * Binds the request parameters to the question's declared parameters and runs it; the common parameter
     * {@value AsOf#PARAM} (any question, a year) runs it over the graph as it stood in that year ({@link YearView}).
     */
    public Answer run(String name, Map<String, List<String>> params, String acceptLanguage) {
        CatalogQuery q = question(name);
        Map<String, List<String>> own = new java.util.LinkedHashMap<>(params);
        List<String> year = own.remove(AsOf.PARAM);
        if (year != null && year.size() > 1) {
            throw new org.cikg.problem.BadRequestException("Parameter '" + AsOf.PARAM + "' is given more than once");
        }
        Optional<AsOf> asOf = AsOf.parse(year == null ? null : year.get(0));
        Map<String, Node> bindings = binder.bind(q, own, acceptLanguage);
        Table rows = answers.get(
                new Asked(name, Map.copyOf(bindings), asOf),
                k -> years.runner(asOf).select(q, bindings));
        return new Answer(q, bindings, rows, asOf);
    }

    private static String shorten(String s) {
        String cut = s.length() > 60 ? s.substring(0, 60) + "..." : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
