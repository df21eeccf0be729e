package org.cikg.entity;

import org.apache.jena.rdf.model.Resource;
import org.cikg.sparql.Terms;

/** Where a resource is shown in this service: entity page, source page, ontology anchor, or its own IRI. */
final class Links {
    private Links() {
    }

    static String href(Resource r, LabelLanguage lang) {
        if (r == null || !r.isURIResource()) {
            return null;
        }
        String iri = r.getURI();
        if (iri.startsWith(Terms.ID_NS)) {
            String slug = Terms.slugOf(r.asNode());
            return slug == null ? null : "/page/" + slug + lang.suffix();
        }
        if (iri.startsWith(Terms.SOURCE_NS)) {
            return "/source/" + iri.substring(Terms.SOURCE_NS.length()) + lang.suffix();
        }
        if (iri.startsWith(Terms.ONTOLOGY_NS)) {
            return "/ontology#" + iri.substring(Terms.ONTOLOGY_NS.length());
        }
        if (iri.startsWith("http://") || iri.startsWith("https://")) {
            return iri;
        }
        return null;
    }
}
