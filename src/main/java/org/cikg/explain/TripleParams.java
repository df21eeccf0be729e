package org.cikg.explain;

import java.util.Map;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.cikg.core.Namespaces;
import org.cikg.problem.BadRequestException;
import org.cikg.sparql.Terms;

/**
 * The triple of an explain request, from its {@code s}, {@code p} and {@code o} parameters. Each is a full IRI
 * ({@code https://w3id.org/cikg/id/hangzhou}), a prefixed name of the prefix table ({@code kgid:hangzhou},
 * {@code cikg:locatedIn}, {@code rdf:type}) or a bare name: an entity slug for {@code s} and {@code o}
 * ({@code hangzhou}), an ontology term for {@code p} ({@code locatedIn}; {@code a} for {@code rdf:type}). The object
 * may also be a literal in N-Triples form with a prefixed or full datatype ({@code "2019"^^xsd:gYear},
 * {@code "Hangzhou"@en}). Values become RDF terms, never query text.
 */
final class TripleParams {
    private static final Pattern IRI = Pattern.compile("https?://[^\\s<>\"{}|\\\\^`]+");
    private static final Pattern PREFIXED = Pattern.compile("([a-z][a-zA-Z0-9]*):([A-Za-z0-9_][A-Za-z0-9_.-]*)");
    private static final Pattern LITERAL = Pattern.compile(
            "\"((?:[^\"\\\\]|\\\\.){0,1000})\"(?:@([a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*)|\\^\\^(\\S+))?");
    private static final int MAX = 2000;

    private TripleParams() {}

    static Triple triple(String s, String p, String o) {
        return Triple.create(resource("s", s, true), predicate(p), object(o));
    }

    private static Node predicate(String value) {
        String v = require("p", value);
        if (v.equals("a")) {
            return NodeFactory.createURI(Namespaces.RDF + "type");
        }
        if (!v.contains(":")) {
            return Terms.ontologyTerm("p", v);
        }
        return resource("p", v, false);
    }

    private static Node object(String value) {
        String v = require("o", value);
        if (v.startsWith("\"")) {
            var m = LITERAL.matcher(v);
            if (!m.matches()) {
                throw new BadRequestException("Parameter 'o' is not a literal in N-Triples form, such as "
                        + "\"2019\"^^xsd:gYear or \"Hangzhou\"@en");
            }
            String lex = m.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
            if (m.group(2) != null) {
                return NodeFactory.createLiteralLang(lex, m.group(2));
            }
            if (m.group(3) != null) {
                String dt = iri("o", m.group(3).replaceAll("^<(.*)>$", "$1"));
                return NodeFactory.createLiteralDT(lex, TypeMapper.getInstance().getSafeTypeByName(dt));
            }
            return NodeFactory.createLiteralString(lex);
        }
        return resource("o", v, true);
    }

    /**
     * A term in the SPARQL JSON results form ({@code {"type": "uri"|"literal"|"bnode", "value": ..., "datatype":
     * ..., "xml:lang": ...}}); null for a blank node, a missing or malformed term (such a triple is never inferred).
     */
    static Node term(Map<String, String> t) {
        if (t == null || t.get("value") == null || t.get("value").length() > MAX) {
            return null;
        }
        String v = t.get("value");
        String lang = t.getOrDefault("xml:lang", t.get("lang"));
        String dt = t.get("datatype");
        return switch (String.valueOf(t.get("type"))) {
            case "uri" -> IRI.matcher(v).matches() ? NodeFactory.createURI(v) : null;
            case "literal", "typed-literal" ->
                lang != null && !lang.isBlank()
                        ? NodeFactory.createLiteralLang(v, lang)
                        : dt != null && IRI.matcher(dt).matches()
                                ? NodeFactory.createLiteralDT(
                                        v, TypeMapper.getInstance().getSafeTypeByName(dt))
                                : NodeFactory.createLiteralString(v);
            default -> null;
        };
    }

    private static Node resource(String param, String value, boolean slugs) {
        String v = require(param, value);
        if (slugs && !v.contains(":")) {
            return Terms.entity(param, v);
        }
        return NodeFactory.createURI(iri(param, v));
    }

    private static String iri(String param, String v) {
        if (IRI.matcher(v).matches()) {
            return v;
        }
        var m = PREFIXED.matcher(v);
        if (m.matches() && Namespaces.ALL.containsKey(m.group(1))) {
            return Namespaces.ALL.get(m.group(1)) + m.group(2);
        }
        throw new BadRequestException("Parameter '" + param + "' must be an IRI (https://...), a prefixed name with "
                + "one of the prefixes " + Namespaces.ALL.keySet()
                + (param.equals("p") ? ", an ontology term " + "(locatedIn) or 'a'" : ", or an entity slug (hangzhou)")
                + (param.equals("o") ? ", or a literal such as \"2019\"^^xsd:gYear" : ""));
    }

    private static String require(String param, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException(
                    "Parameter '" + param + "' is required: the triple to explain is given by " + "s, p and o");
        }
        if (value.length() > MAX) {
            throw new BadRequestException("Parameter '" + param + "' is too long");
        }
        return value.strip();
    }
}
