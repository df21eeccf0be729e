package org.cikg.entity;

import java.util.Comparator;
import java.util.Optional;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDFS;
import org.cikg.sparql.Terms;

/** Picks the name to show for a resource in the chosen language, falling back to English, then to its IRI. */
final class Labels {
    private Labels() {
    }

    /** A label literal of {@code r} in {@code lang}, else in English, else any; empty if it has none. */
    static Optional<Literal> literal(Resource r, Property p, String lang) {
        Optional<Literal> exact = find(r, p, lang);
        if (exact.isPresent()) {
            return exact;
        }
        Optional<Literal> en = find(r, p, "en");
        if (en.isPresent()) {
            return en;
        }
        return r.listProperties(p).toList().stream().map(Statement::getObject).filter(RDFNode::isLiteral)
                .map(RDFNode::asLiteral).min(Comparator.comparing(Literal::getLexicalForm));
    }

    private static Optional<Literal> find(Resource r, Property p, String lang) {
        return r.listProperties(p).toList().stream().map(Statement::getObject).filter(RDFNode::isLiteral)
                .map(RDFNode::asLiteral).filter(l -> l.getLanguage().equalsIgnoreCase(lang))
                .min(Comparator.comparing(Literal::getLexicalForm));
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
        if (iri.startsWith(Terms.ID_NS)) {
            return iri.substring(Terms.ID_NS.length());
        }
        if (iri.startsWith(Terms.ONTOLOGY_NS)) {
            return "cikg:" + iri.substring(Terms.ONTOLOGY_NS.length());
        }
        if (iri.startsWith(Terms.SOURCE_NS)) {
            return iri.substring(Terms.SOURCE_NS.length());
        }
        return r.getLocalName() == null || r.getLocalName().isEmpty() ? iri : r.getLocalName();
    }
}
