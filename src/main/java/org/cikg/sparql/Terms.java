package org.cikg.sparql;

import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.cikg.core.Namespaces;
import org.cikg.core.RequestLanguage;
import org.cikg.problem.BadRequestException;

/**
 * Turns request values into RDF terms, validating them first. This is the only way request data reaches a query:
 * the resulting {@link Node}s are bound into parsed queries by {@link SparqlRunner}; no text is ever spliced.
 * Every method throws {@link BadRequestException} naming the parameter when the value does not fit.
 */
public final class Terms {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern SOURCE_STEM = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    private static final Pattern LOCAL_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,99}");
    private static final Pattern YEAR = Pattern.compile("-?[0-9]{4}");
    private static final int MAX_SLUG = 200;

    private Terms() {}

    /** An entity given as a slug ({@code eagle-project}) or a full IRI in {@value Namespaces#KGID}. */
    public static Node entity(String param, String value) {
        String v = require(param, value).strip();
        String slug = v.startsWith(Namespaces.KGID)
                ? v.substring(Namespaces.KGID.length())
                : v.startsWith("kgid:") ? v.substring(5) : v;
        if (slug.length() > MAX_SLUG || !SLUG.matcher(slug).matches()) {
            throw new BadRequestException("Parameter '" + param + "' must be an entity slug (lower-case words joined "
                    + "by hyphens, e.g. eagle-project) or an IRI starting with " + Namespaces.KGID);
        }
        return NodeFactory.createURI(Namespaces.KGID + slug);
    }

    /**
     * An IRI in one of our namespaces, full or prefixed: {@code kgid:eagle-project} (entity),
     * {@code kgsrc:000_0363365239e414fe} (source document), {@code cikg:benefitedFrom} (ontology term). Whether an
     * ontology term really exists is the caller's check.
     */
    public static Node ourIri(String param, String value) {
        String v = require(param, value).strip();
        if (v.startsWith("kgid:") || v.startsWith(Namespaces.KGID)) {
            return entity(param, v);
        }
        if (v.startsWith("kgsrc:")) {
            return source(param, v.substring(6));
        }
        if (v.startsWith(Namespaces.KGSRC)) {
            return source(param, v);
        }
        if (v.startsWith("cikg:") || v.startsWith(Namespaces.CIKG)) {
            return ontologyTerm(param, v);
        }
        throw new BadRequestException("Parameter '" + param + "' must be an IRI in our namespaces, full or prefixed: "
                + "kgid:{slug} (" + Namespaces.KGID + "), kgsrc:{stem} (" + Namespaces.KGSRC + ") or cikg:{Term} ("
                + Namespaces.CIKG + ")");
    }

    /**
     * The term for a value of a catalogue parameter of the declared type (entity, iri, year, lang, class, int,
     * string); see {@link CatalogQuery.Param}.
     */
    public static Node ofType(String type, String param, String value, int maxInt, int maxString) {
        return switch (type) {
            case "entity" -> entity(param, value);
            case "iri" -> ourIri(param, value);
            case "class" -> ontologyTerm(param, value);
            case "year" -> year(param, value);
            case "lang" -> NodeFactory.createLiteralString(lang(param, value));
            case "int" ->
                NodeFactory.createLiteralDT(
                        Integer.toString(positiveInt(param, value, maxInt)), XSDDatatype.XSDinteger);
            case "string" -> string(param, value, maxString);
            default -> throw new IllegalStateException("Unknown parameter type " + type);
        };
    }

    /** The slug of an entity IRI in our namespace, or null. */
    public static String slugOf(Node node) {
        if (node == null || !node.isURI() || !node.getURI().startsWith(Namespaces.KGID)) {
            return null;
        }
        String slug = node.getURI().substring(Namespaces.KGID.length());
        return SLUG.matcher(slug).matches() ? slug : null;
    }

    /** A source document given by its stem ({@code 000_0363365239e414fe}) or its IRI in {@value Namespaces#KGSRC}. */
    public static Node source(String param, String value) {
        String v = require(param, value).strip();
        String stem =
                v.startsWith(Namespaces.KGSRC) ? v.substring(Namespaces.KGSRC.length()) : v.replaceFirst("\\.txt$", "");
        if (!SOURCE_STEM.matcher(stem).matches()) {
            throw new BadRequestException(
                    "Parameter '" + param + "' must be a source document stem or IRI in " + Namespaces.KGSRC);
        }
        return NodeFactory.createURI(Namespaces.KGSRC + stem);
    }

    /** A class or property of the ontology, by local name ({@code Startup}) or full IRI. */
    public static Node ontologyTerm(String param, String value) {
        String v = require(param, value).strip();
        String local = v.startsWith(Namespaces.CIKG)
                ? v.substring(Namespaces.CIKG.length())
                : v.startsWith("cikg:") ? v.substring(5) : v;
        if (!LOCAL_NAME.matcher(local).matches()) {
            throw new BadRequestException(
                    "Parameter '" + param + "' must be an ontology term such as Startup or " + "cikg:Startup");
        }
        return NodeFactory.createURI(Namespaces.CIKG + local);
    }

    /** A year, as an {@code xsd:gYear} literal. */
    public static Node year(String param, String value) {
        String v = require(param, value).strip();
        if (!YEAR.matcher(v).matches()) {
            throw new BadRequestException("Parameter '" + param + "' must be a four-digit year, e.g. 2019");
        }
        return NodeFactory.createLiteralDT(v, XSDDatatype.XSDgYear);
    }

    /** A BCP 47 language tag ({@code en}, {@code ar}, {@code zh-Hans}), lower-cased ({@link RequestLanguage#tag}). */
    public static String lang(String param, String value) {
        return RequestLanguage.tag(param, require(param, value));
    }

    /** A positive integer no larger than {@code max}. */
    public static int positiveInt(String param, String value, int max) {
        String v = require(param, value).strip();
        try {
            int n = Integer.parseInt(v);
            if (n < 1 || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequestException("Parameter '" + param + "' must be a whole number from 1 to " + max);
        }
    }

    /** A plain string literal, length-limited. */
    public static Node string(String param, String value, int maxLength) {
        String v = require(param, value);
        if (v.length() > maxLength) {
            throw new BadRequestException("Parameter '" + param + "' is longer than " + maxLength + " characters");
        }
        return NodeFactory.createLiteralString(v);
    }

    private static String require(String param, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException("Parameter '" + param + "' is required");
        }
        if (value.length() > 2000) {
            throw new BadRequestException("Parameter '" + param + "' is too long");
        }
        return value;
    }
}
