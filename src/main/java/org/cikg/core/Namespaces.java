package org.cikg.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.shared.PrefixMapping;

/**
 * The namespaces the service names, and the one prefix table. Each output declares the prefixes it uses, picked
 * from this table by name, so a prefix is spelled once:
 *
 * <pre>{@code
 * model.setNsPrefixes(Namespaces.of("cikg", "kgid", "rdfs"));        // in that order
 * PrefixMapping compact = Namespaces.mapping("cikg", "kgid");         // locked, for NodeFmtLib / Prologue
 * Namespaces.CONTRACT                                                  // the public contract's prefixes
 * }</pre>
 */
public final class Namespaces {
    /** Ontology terms ({@code cikg:}). */
    public static final String CIKG = "https://w3id.org/cikg/ontology#";
    /** Entities ({@code kgid:}). */
    public static final String KGID = "https://w3id.org/cikg/id/";
    /** Source documents ({@code kgsrc:}). */
    public static final String KGSRC = "https://w3id.org/cikg/source/";
    /** Statement nodes of claims ({@code kgst:}). */
    public static final String KGST = "https://w3id.org/cikg/statement/";
    /** The ontology itself (its title, version and licence hang off this IRI). */
    public static final String ONTOLOGY = "https://w3id.org/cikg/ontology";

    public static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    public static final String OWL = "http://www.w3.org/2002/07/owl#";
    public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String DCTERMS = "http://purl.org/dc/terms/";
    public static final String SCHEMA = "https://schema.org/";
    public static final String FOAF = "http://xmlns.com/foaf/0.1/";
    public static final String ORG = "http://www.w3.org/ns/org#";
    public static final String VOID = "http://rdfs.org/ns/void#";
    public static final String SD = "http://www.w3.org/ns/sparql-service-description#";

    /** Every prefix, by name, in the order the contract declares them, then the others. */
    public static final Map<String, String> ALL = table();

    /**
     * The prefixes of the public query contract, in the order they are declared: pre-declared in every workbench
     * example and offered by its editor.
     */
    public static final Map<String, String> CONTRACT =
            of("cikg", "kgid", "kgsrc", "rdf", "rdfs", "xsd", "owl", "skos", "prov", "dcterms", "schema");

    private Namespaces() {}

    private static Map<String, String> table() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cikg", CIKG);
        m.put("kgid", KGID);
        m.put("kgsrc", KGSRC);
        m.put("kgst", KGST);
        m.put("rdf", RDF);
        m.put("rdfs", RDFS);
        m.put("xsd", XSD);
        m.put("owl", OWL);
        m.put("skos", SKOS);
        m.put("prov", PROV);
        m.put("dcterms", DCTERMS);
        m.put("schema", SCHEMA);
        m.put("foaf", FOAF);
        m.put("org", ORG);
        m.put("void", VOID);
        m.put("sd", SD);
        return Collections.unmodifiableMap(m);
    }

    /** The named prefixes, in the order given; an unknown name is a programming error. */
    public static Map<String, String> of(String... prefixes) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : prefixes) {
            String ns = ALL.get(p);
            if (ns == null) {
                throw new IllegalArgumentException("No namespace for prefix '" + p + "' in Namespaces.ALL");
            }
            m.put(p, ns);
        }
        return Collections.unmodifiableMap(m);
    }

    /** The named prefixes as a locked Jena {@link PrefixMapping}. */
    public static PrefixMapping mapping(String... prefixes) {
        return PrefixMapping.Factory.create().setNsPrefixes(of(prefixes)).lock();
    }

    /** The named prefixes as a RIOT {@link PrefixMap} (for {@code NodeFmtLib}). */
    public static PrefixMap prefixMap(String... prefixes) {
        return PrefixMapFactory.create(of(prefixes));
    }
}
