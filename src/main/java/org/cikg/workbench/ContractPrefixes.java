package org.cikg.workbench;

import java.util.Map;
import org.cikg.sparql.Terms;

/** The prefixes of the public query contract, pre-declared in every example and offered by the editor. */
final class ContractPrefixes {
    /** In the order they are declared. */
    static final Map<String, String> ALL = orderedPrefixes();

    private ContractPrefixes() {
    }

    private static Map<String, String> orderedPrefixes() {
        java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>();
        m.put("cikg", Terms.ONTOLOGY_NS);
        m.put("kgid", Terms.ID_NS);
        m.put("kgsrc", Terms.SOURCE_NS);
        m.put("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        m.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        m.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        m.put("owl", "http://www.w3.org/2002/07/owl#");
        m.put("skos", "http://www.w3.org/2004/02/skos/core#");
        m.put("prov", "http://www.w3.org/ns/prov#");
        m.put("dcterms", "http://purl.org/dc/terms/");
        m.put("schema", "https://schema.org/");
        return java.util.Collections.unmodifiableMap(m);
    }
}
