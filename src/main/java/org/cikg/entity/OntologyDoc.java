package org.cikg.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.cikg.core.Namespaces;

/**
 * The ontology's documentation, generated from the ontology graph: every cikg class, property and concept with its
 * label, comment, hierarchy, domain, range and alignments to outside vocabularies.
 *
 * @param title       the ontology's title
 * @param description its description
 * @param version     its version
 * @param license     its licence IRI
 * @param classes     the classes, by label
 * @param properties  the properties, by label
 * @param concepts    the SKOS concepts, by scheme then label
 */
public record OntologyDoc(
        String title,
        String description,
        String version,
        String license,
        List<Term> classes,
        List<Term> properties,
        List<Term> concepts) {

    /**
     * One documented term.
     *
     * @param local      its local name (the page anchor)
     * @param iri        its IRI
     * @param label      its English label
     * @param comment    its English comment or definition
     * @param kind       Class, Object property, Datatype property, Concept
     * @param supers     super-classes or super-properties within cikg
     * @param subs       sub-classes or sub-properties within cikg
     * @param domain     the domain (properties)
     * @param range      the range (properties)
     * @param traits     transitive, symmetric, inverse of ..., concept scheme
     * @param alignments outside terms it is aligned to, with the relation
     */
    public record Term(
            String local,
            String iri,
            String label,
            String comment,
            String kind,
            List<Link> supers,
            List<Link> subs,
            List<Link> domain,
            List<Link> range,
            List<String> traits,
            List<Alignment> alignments) {}

    /** An alignment to an outside vocabulary: {@code rdfs:subClassOf schema:Organization}. */
    public record Alignment(String relation, String term, String iri) {}

    static OntologyDoc of(Model m) {
        Resource ont = m.createResource(Namespaces.ONTOLOGY);
        List<Term> classes = new ArrayList<>();
        List<Term> properties = new ArrayList<>();
        List<Term> concepts = new ArrayList<>();
        for (Resource c : ours(m, OWL.Class)) {
            classes.add(
                    term(m, c, "Class", RDFS.subClassOf, List.of(RDFS.subClassOf, OWL.equivalentClass, RDFS.seeAlso)));
        }
        for (Resource type : List.of(OWL.ObjectProperty, OWL.DatatypeProperty)) {
            for (Resource p : ours(m, type)) {
                properties.add(term(
                        m,
                        p,
                        type.equals(OWL.ObjectProperty) ? "Object property" : "Datatype property",
                        RDFS.subPropertyOf,
                        List.of(RDFS.subPropertyOf, OWL.equivalentProperty, RDFS.seeAlso)));
            }
        }
        for (Resource c : ours(m, SKOS.Concept)) {
            concepts.add(term(m, c, "Concept", SKOS.broader, List.of(SKOS.exactMatch, SKOS.closeMatch, RDFS.seeAlso)));
        }
        Comparator<Term> byLabel = Comparator.comparing(t -> t.label().toLowerCase(java.util.Locale.ROOT));
        classes.sort(byLabel);
        properties.sort(byLabel);
        concepts.sort(Comparator.comparing(
                        (Term t) -> t.traits().isEmpty() ? "" : t.traits().get(0))
                .thenComparing(byLabel));
        return new OntologyDoc(
                text(ont, DCTerms.title),
                text(ont, DCTerms.description),
                ont.hasProperty(OWL.versionInfo)
                        ? ont.getProperty(OWL.versionInfo).getString()
                        : null,
                ont.hasProperty(DCTerms.license)
                        ? ont.getPropertyResourceValue(DCTerms.license).getURI()
                        : null,
                classes,
                properties,
                concepts);
    }

    private static List<Resource> ours(Model m, Resource type) {
        return m.listResourcesWithProperty(RDF.type, type).toList().stream()
                .filter(r -> r.isURIResource() && r.getURI().startsWith(Namespaces.CIKG))
                .distinct()
                .toList();
    }

    private static Term term(Model m, Resource r, String kind, Property hierarchy, List<Property> aligns) {
        List<Link> supers = new ArrayList<>();
        List<Alignment> alignments = new ArrayList<>();
        for (Property p : aligns) {
            for (Statement s : r.listProperties(p).toList()) {
                if (!s.getObject().isURIResource()) {
                    continue;
                }
                Resource o = s.getObject().asResource();
                if (o.getURI().startsWith(Namespaces.CIKG)) {
                    if (p.equals(hierarchy)) {
                        supers.add(ref(m, o));
                    }
                } else {
                    alignments.add(new Alignment(m.shortForm(p.getURI()), m.shortForm(o.getURI()), o.getURI()));
                }
            }
        }
        if (hierarchy.equals(SKOS.broader)) {
            r.listProperties(SKOS.broader)
                    .forEachRemaining(s -> supers.add(ref(m, s.getObject().asResource())));
        }
        List<Link> subs = m.listResourcesWithProperty(hierarchy, r).toList().stream()
                .filter(Resource::isURIResource)
                .filter(x -> x.getURI().startsWith(Namespaces.CIKG))
                .map(x -> ref(m, x))
                .sorted(Comparator.comparing(Link::text))
                .toList();
        List<String> traits = new ArrayList<>();
        if (r.hasProperty(RDF.type, OWL.TransitiveProperty)) {
            traits.add("transitive");
        }
        if (r.hasProperty(RDF.type, OWL.SymmetricProperty)) {
            traits.add("symmetric");
        }
        if (r.hasProperty(RDF.type, OWL.FunctionalProperty)) {
            traits.add("functional");
        }
        r.listProperties(OWL.inverseOf)
                .forEachRemaining(s -> traits.add(
                        "inverse of cikg:" + s.getObject().asResource().getLocalName()));
        r.listProperties(SKOS.inScheme)
                .forEachRemaining(
                        s -> traits.add("in scheme " + Labels.text(s.getObject().asResource(), "en")));
        String label = Labels.literal(r, RDFS.label, "en")
                .or(() -> Labels.literal(r, SKOS.prefLabel, "en"))
                .map(Literal::getLexicalForm)
                .orElse(r.getLocalName());
        String comment = Labels.literal(r, RDFS.comment, "en")
                .or(() -> Labels.literal(r, SKOS.definition, "en"))
                .map(Literal::getLexicalForm)
                .orElse(null);
        return new Term(
                r.getLocalName(),
                r.getURI(),
                label,
                comment,
                kind,
                supers,
                subs,
                classRefs(m, r.getPropertyResourceValue(RDFS.domain)),
                classRefs(m, r.getPropertyResourceValue(RDFS.range)),
                traits,
                alignments);
    }

    /** A class expression as links: a named class, or the members of an owl:unionOf. */
    private static List<Link> classRefs(Model m, Resource c) {
        if (c == null) {
            return List.of();
        }
        if (c.isURIResource()) {
            return List.of(ref(m, c));
        }
        Resource union = c.getPropertyResourceValue(OWL.unionOf);
        if (union != null && union.canAs(RDFList.class)) {
            return union.as(RDFList.class).asJavaList().stream()
                    .filter(RDFNode::isURIResource)
                    .map(n -> ref(m, n.asResource()))
                    .toList();
        }
        return List.of();
    }

    private static Link ref(Model m, Resource r) {
        if (r.getURI().startsWith(Namespaces.CIKG)) {
            return new Link(r.getLocalName(), "#" + r.getLocalName(), "en");
        }
        return new Link(m.shortForm(r.getURI()), r.getURI(), "");
    }

    private static String text(Resource r, Property p) {
        return Labels.literal(r, p, "en").map(Literal::getLexicalForm).orElse(null);
    }
}
