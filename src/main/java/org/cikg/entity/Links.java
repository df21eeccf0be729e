package org.cikg.entity;

import org.apache.jena.rdf.model.Resource;
import org.cikg.core.Namespaces;
import org.cikg.sparql.Terms;

/** Where a resource is shown in this service: entity page, source page, ontology anchor, or its own IRI. */
final class Links {
    private Links() {}

    static String href(Resource r, LabelLanguage lang) {
        if (r == null || !r.isURIResource()) {
            return null;
        }
        String iri = r.getURI();
        if (iri.startsWith(Namespaces.KGID)) {
            String slug = Terms.slugOf(r.asNode());
            return slug == null ? null : "/page/" + slug + lang.suffix();
        }
        if (iri.startsWith(Namespaces.KGSRC)) {
            return "/source/" + iri.substring(Namespaces.KGSRC.length()) + lang.suffix();
        }
        if (iri.startsWith(Namespaces.CIKG)) {
            return "/ontology#" + iri.substring(Namespaces.CIKG.length());
        }
        if (iri.startsWith("http://") || iri.startsWith("https://")) {
            return iri;
        }
        return null;
    }
}
