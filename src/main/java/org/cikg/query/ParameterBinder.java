package org.cikg.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.cikg.core.Namespaces;
import org.cikg.core.RequestLanguage;
import org.cikg.problem.BadRequestException;
import org.cikg.sparql.CatalogQuery;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.SystemQuery;
import org.cikg.sparql.Terms;
import org.cikg.store.KnowledgeStore;
import org.springframework.stereotype.Component;

/**
 * Turns the request parameters of a call into RDF terms for the query's declared parameters, by declared type,
 * through {@link Terms}. Only declared parameters are accepted; each given once; required ones must be present.
 * A {@code class} must be a class of the ontology, a {@code cikg:} IRI a term of the ontology, an {@code entity} one
 * the graph holds (else 404 with suggestions, {@link EntitySuggestions}).
 *
 * <p>The {@code lang} parameter, when a query declares one, is always bound: from {@code ?lang=}, else the first
 * usable range of {@code Accept-Language}, else {@code en}; only the primary subtag is kept ({@code zh-Hans} →
 * {@code zh}) because labels carry plain language tags.
 */
@Component
class ParameterBinder {
    static final String LANG = "lang";
    /** Largest value an {@code int} parameter accepts. */
    static final int MAX_INT = 1000;
    /** Longest value a {@code string} parameter accepts. */
    static final int MAX_STRING = 200;

    private final KnowledgeStore store;
    private final QueryCatalog catalog;
    private final EntitySuggestions entities;

    ParameterBinder(KnowledgeStore store, QueryCatalog catalog, EntitySuggestions entities) {
        this.store = store;
        this.catalog = catalog;
        this.entities = entities;
    }

    /** The bindings for a call, by parameter name, in header order. */
    Map<String, Node> bind(CatalogQuery q, Map<String, List<String>> given, String acceptLanguage) {
        for (String name : given.keySet()) {
            if (q.params().stream().noneMatch(p -> p.name().equals(name))) {
                throw new BadRequestException("Unknown parameter '" + printable(name) + "' for query '" + q.name()
                        + "'; it takes "
                        + q.params().stream().map(CatalogQuery.Param::name).toList());
            }
        }
        Map<String, Node> bindings = new LinkedHashMap<>();
        for (CatalogQuery.Param p : q.params()) {
            List<String> values = given.getOrDefault(p.name(), List.of());
            if (values.size() > 1) {
                throw new BadRequestException("Parameter '" + p.name() + "' is given more than once");
            }
            String value = values.isEmpty() ? null : values.get(0);
            if (value == null || value.isEmpty()) {
                if (p.name().equals(LANG) && p.type().equals("lang")) {
                    bindings.put(p.name(), NodeFactory.createLiteralString(fromAcceptLanguage(acceptLanguage)));
                } else if (p.required()) {
                    throw new BadRequestException(
                            "Parameter '" + p.name() + "' is required (" + p.type() + ": " + p.description() + ")");
                }
                continue;
            }
            bindings.put(p.name(), term(p, value));
        }
        return bindings;
    }

    private Node term(CatalogQuery.Param p, String value) {
        Node term = Terms.ofType(p.type(), p.name(), value, MAX_INT, MAX_STRING);
        if (p.type().equals("lang")) {
            return NodeFactory.createLiteralString(RequestLanguage.primary(term.getLiteralLexicalForm()));
        }
        if (p.type().equals("entity") && !entities.exists(term)) {
            throw entities.unknown(p.name(), term);
        }
        if (p.type().equals("class")) {
            requireInOntology(p.name(), term, SystemQuery.ONTOLOGY_CLASS, "class");
        } else if (p.type().equals("iri") && term.getURI().startsWith(Namespaces.CIKG)) {
            requireInOntology(p.name(), term, SystemQuery.ONTOLOGY_TERM, "term");
        }
        return term;
    }

    /** Classes and properties must exist in the ontology, so a typo is a 400 rather than an empty answer. */
    private void requireInOntology(String param, Node term, SystemQuery check, String what) {
        if (!store.runner().ask(catalog.get(check), Map.of("term", term))) {
            throw new BadRequestException(
                    "Parameter '" + param + "' names no " + what + " of the ontology: " + term.getLocalName());
        }
    }

    /** The primary language subtag of the language {@link RequestLanguage} reads from Accept-Language. */
    static String fromAcceptLanguage(String header) {
        return RequestLanguage.primary(RequestLanguage.resolve(null, header));
    }

    /** A parameter name as it may appear in a message: short, no control characters. */
    private static String printable(String s) {
        String cut = s.length() > 60 ? s.substring(0, 60) + "..." : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
