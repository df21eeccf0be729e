package org.cikg.sparql;

import java.util.List;
import org.apache.jena.query.Query;

/**
 * One named query from {@code queries/}, with what its header comment declares.
 *
 * @param name        path below {@code queries/} without {@code .rq}: {@code policy-beneficiaries},
 *                    {@code system/count-triples}
 * @param title       one line
 * @param description the question in plain English
 * @param params      the parameters it accepts, in header order
 * @param example     an example query string ({@code policy=eagle-project})
 * @param text        the file's text, as a user can copy it
 * @param query       the parsed query; request values are bound into it, never pasted into {@code text}
 */
public record CatalogQuery(
        String name, String title, String description, List<Param> params, String example, String text, Query query) {

    /**
     * Internal queries (under {@code system/}, and the coverage report's under {@code reports/}) serve the service
     * itself and are not listed to users.
     */
    public boolean internal() {
        return name.startsWith("system/") || name.startsWith("reports/");
    }

    /**
     * The same query answering only rows {@code offset} to {@code offset + limit} of its (ordered) result: one page
     * of a long list, set on a copy of the parsed query (never by editing its text).
     */
    public CatalogQuery slice(long offset, long limit) {
        Query copy = query.cloneQuery();
        copy.setOffset(offset);
        copy.setLimit(limit);
        return new CatalogQuery(name, title, description, params, example, text, copy);
    }

    /**
     * A declared parameter: {@code # param: policy entity required  The policy}.
     *
     * @param name        the request parameter and the query variable it binds ({@code ?policy})
     * @param type        entity, iri, year, lang, class, int, string
     * @param required    whether a call must give it
     * @param description what it means
     */
    public record Param(String name, String type, boolean required, String description) {}
}
