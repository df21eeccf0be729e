package org.cikg.workbench;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIx;
import org.cikg.sparql.CatalogQuery;
import org.cikg.sparql.Terms;

/**
 * Reads a catalogue header's {@code # example:} value ({@code policy=eagle-project&lang=fr}, a query string) and
 * turns each value into the RDF term its declared parameter type calls for, through {@link Terms}, as a request
 * value would be.
 */
final class ExampleTerms {
    private ExampleTerms() {
    }

    /** The example's values by parameter name, in the order written. */
    static Map<String, String> values(String example) {
        Map<String, String> values = new LinkedHashMap<>();
        if (example == null || example.isBlank()) {
            return values;
        }
        for (String pair : example.strip().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(decode(pair.substring(0, eq).strip()), decode(pair.substring(eq + 1).strip()));
            }
        }
        return values;
    }

    /** The term for a value of that parameter; {@link org.cikg.web.BadRequestException} if it does not fit. */
    static Node term(CatalogQuery.Param param, String value) {
        String name = param.name();
        return switch (param.type()) {
            case "entity" -> Terms.entity(name, value);
            case "class" -> Terms.ontologyTerm(name, value);
            case "year" -> Terms.year(name, value);
            case "lang" -> NodeFactory.createLiteralString(Terms.lang(name, value));
            case "int" -> NodeFactory.createLiteralDT(Integer.toString(Terms.positiveInt(name, value, Integer.MAX_VALUE)),
                    XSDDatatype.XSDinteger);
            case "string" -> Terms.string(name, value, 2000);
            case "iri" -> iri(name, value);
            default -> throw new IllegalStateException("Unknown parameter type " + param.type());
        };
    }

    private static Node iri(String name, String value) {
        String v = value.strip();
        if (v.startsWith(Terms.SOURCE_NS)) {
            return Terms.source(name, v);
        }
        if (v.startsWith(Terms.ONTOLOGY_NS) || v.startsWith("cikg:")) {
            return Terms.ontologyTerm(name, v);
        }
        if (v.contains(":") && !v.startsWith(Terms.ID_NS)) {
            return NodeFactory.createURI(IRIx.create(v).str());
        }
        return Terms.entity(name, v);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
