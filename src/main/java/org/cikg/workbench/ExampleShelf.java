package org.cikg.workbench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.shared.PrefixMapping;
import org.cikg.core.BoundQuery;
import org.cikg.sparql.CatalogQuery;
import org.cikg.sparql.QueryCatalog;
import org.springframework.stereotype.Component;

/**
 * The workbench's worked examples: one per public catalogue query, its parameters filled with the header's
 * {@code # example:} values. The values are set as RDF terms into the parsed query (a leading {@code VALUES} block,
 * see {@link BoundQuery#withValues}) and the result is serialised with the contract prefixes, so an
 * example is exactly what the facade would run for those values. A new {@code queries/*.rq} file appears here with
 * no code change.
 */
@Component
class ExampleShelf {
    private final List<Example> examples;

    /** Builds every example once, as the catalogue is parsed once; an example value that does not fit stops start-up. */
    ExampleShelf(QueryCatalog catalog) {
        List<Example> built = new ArrayList<>();
        for (CatalogQuery q : catalog.publicQueries()) {
            try {
                built.add(example(q));
            } catch (RuntimeException e) {
                throw new IllegalStateException(
                        "queries/" + q.name() + ".rq: '# example: " + q.example()
                                + "' does not fit the declared parameters: " + e.getMessage(),
                        e);
            }
        }
        this.examples = List.copyOf(built);
    }

    /** Every public catalogue query as an example, by name. */
    List<Example> examples() {
        return examples;
    }

    static Example example(CatalogQuery q) {
        Map<String, String> values = ExampleTerms.values(q.example());
        Map<String, Node> bindings = new HashMap<>();
        List<ExampleParam> params = new ArrayList<>();
        for (CatalogQuery.Param p : q.params()) {
            String value = values.get(p.name());
            if (value != null) {
                bindings.put(p.name(), ExampleTerms.term(p, value));
            }
            params.add(new ExampleParam(p.name(), p.type(), p.required(), p.description(), value));
        }
        Query bound = BoundQuery.withValues(q.query(), bindings);
        // A fresh mapping: the transformed query may share the catalogue query's prologue.
        PrefixMapping prefixes = PrefixMapping.Factory.create()
                .setNsPrefixes(ContractPrefixes.ALL)
                .setNsPrefixes(q.query().getPrefixMapping());
        bound.setPrefixMapping(prefixes);
        String text = "# " + q.title() + "\n"
                + (q.description().isBlank() ? "" : "# " + q.description() + "\n")
                + bound.serialize();
        return new Example(q.name(), q.title(), q.description(), List.copyOf(params), q.example(), text);
    }

    /**
     * One example as the page and {@code /sparql-ui/examples.json} show it.
     *
     * @param name        the catalogue name ({@code policy-beneficiaries})
     * @param title       the header's title
     * @param description the header's description
     * @param params      the declared parameters, each with the example's value (null where it gives none)
     * @param example     the header's example line, as written
     * @param query       the runnable query text: example values bound, contract prefixes declared
     */
    record Example(
            String name, String title, String description, List<ExampleParam> params, String example, String query) {}

    /** A declared parameter and the value the example gives it (null: none, left unbound). */
    record ExampleParam(String name, String type, boolean required, String description, String value) {}
}
