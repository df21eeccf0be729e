package org.cikg.workbench;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.cikg.sparql.CatalogQuery;
import org.cikg.sparql.Terms;

/**
 * Reads a catalogue header's {@code # example:} value ({@code policy=eagle-project&lang=fr}, a query string) and
 * turns each value into the RDF term its declared parameter type calls for, through {@link Terms}, as a request
 * value would be.
 */
final class ExampleTerms {
    private ExampleTerms() {}

    /** The example's values by parameter name, in the order written. */
    static Map<String, String> values(String example) {
        Map<String, String> values = new LinkedHashMap<>();
        if (example == null || example.isBlank()) {
            return values;
        }
        for (String pair : example.strip().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(
                        decode(pair.substring(0, eq).strip()),
                        decode(pair.substring(eq + 1).strip()));
            }
        }
        return values;
    }

    /** The term for a value of that parameter; {@link org.cikg.problem.BadRequestException} if it does not fit. */
    static Node term(CatalogQuery.Param param, String value) {
        return Terms.ofType(param.type(), param.name(), value, Integer.MAX_VALUE, 2000);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
