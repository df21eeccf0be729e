package org.cikg.entity;

import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDFS;
import org.cikg.core.LabelPicker;
import org.cikg.core.Namespaces;

/**
 * The name a page shows for a resource in the chosen language ({@link LabelPicker}'s fallback order), else a readable
 * form of its IRI.
 */
final class Labels {
    private Labels() {}

    /** The value of {@code p} on {@code r} that {@link LabelPicker} picks for {@code lang}; empty if it has none. */
    static Optional<Literal> literal(Resource r, Property p, String lang) {
        List<Node> values = r.listProperties(p).toList().stream()
                .map(s -> s.getObject().asNode())
                .toList();
        return LabelPicker.best(values, lang).map(n -> r.getModel().asRDFNode(n).asLiteral());
    }

    /** The name of {@code r} to show: its label in {@code lang} or English, else a readable form of its IRI. */
    static Link link(Resource r, LabelLanguage lang) {
        Optional<Literal> l = literal(r, RDFS.label, lang.code());
        String text = l.map(Literal::getLexicalForm).orElseGet(() -> fallback(r));
        return new Link(text, Links.href(r, lang), l.map(Literal::getLanguage).orElse(""));
    }

    static String text(Resource r, String lang) {
        return literal(r, RDFS.label, lang).map(Literal::getLexicalForm).orElseGet(() -> fallback(r));
    }

    static String fallback(Resource r) {
        if (r.isAnon()) {
            return "(blank node)";
        }
        String iri = r.getURI();
        if (iri.startsWith(Namespaces.KGID)) {
            return iri.substring(Namespaces.KGID.length());
        }
        if (iri.startsWith(Namespaces.CIKG)) {
            return "cikg:" + iri.substring(Namespaces.CIKG.length());
        }
        if (iri.startsWith(Namespaces.KGSRC)) {
            return iri.substring(Namespaces.KGSRC.length());
        }
        return r.getLocalName() == null || r.getLocalName().isEmpty() ? iri : r.getLocalName();
    }
}
