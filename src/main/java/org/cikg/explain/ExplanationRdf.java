package org.cikg.explain;

import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.cikg.core.Namespaces;
import org.cikg.explain.Explanation.SchemaFact;
import org.cikg.explain.Explanation.Source;
import org.cikg.explain.Explanation.Term;

/**
 * An explanation as RDF, in the derivation vocabulary of {@code ontology/explanations.ttl}: one
 * {@code cikg:Derivation} per rule application, its {@code cikg:conclusion} and {@code cikg:usedFact}s as statement
 * nodes. An asserted claim used is the data's own statement node (with its source, paragraph and certainty); a
 * triple asserted without one, and a fact of the ontology, get a blank statement node with {@code cikg:assertedIn}.
 */
final class ExplanationRdf {
    /** Where rule IRIs live: the rule's file name without {@code .ru} follows. */
    static final String RULE_NS = "https://w3id.org/cikg/rule/";

    private final Model m = ModelFactory.createDefaultModel();

    private ExplanationRdf() {
        m.setNsPrefixes(Namespaces.of("cikg", "kgid", "kgsrc", "kgst", "rdf", "rdfs", "owl", "xsd", "prov"));
        m.setNsPrefix("kgrule", RULE_NS);
    }

    static Model of(Explanation e) {
        ExplanationRdf w = new ExplanationRdf();
        w.fact(e);
        return w.m;
    }

    /** The statement node standing for {@code e}'s triple (an asserted claim's own, or a new blank one). */
    private Resource fact(Explanation e) {
        if ("asserted".equals(e.status()) && !e.sources().isEmpty()) {
            return statements(e);
        }
        Resource st = m.createResource();
        statement(st, e.subject(), e.predicate(), e.object());
        if (!e.inferred()) {
            st.addProperty(cikg("assertedIn"), m.createResource(e.graph()));
            return st;
        }
        st.addProperty(cikg("certainty"), e.certainty());
        if (e.rule() != null) {
            derivation(e, st);
        }
        return st;
    }

    /** An asserted fact as its statement nodes, one per source; the first is returned. */
    private Resource statements(Explanation e) {
        Resource first = null;
        for (Source s : e.sources()) {
            Resource st = m.createResource(s.statement());
            statement(st, e.subject(), e.predicate(), e.object());
            if (s.source() != null) {
                st.addProperty(prop(Namespaces.PROV, "wasDerivedFrom"), m.createResource(s.source()));
            }
            if (s.paragraph() != null) {
                st.addLiteral(
                        cikg("paragraph"), m.createTypedLiteral(s.paragraph().longValue()));
            }
            if (s.certainty() != null) {
                st.addProperty(cikg("certainty"), s.certainty());
            }
            year(st, "startYear", s.startYear());
            year(st, "endYear", s.endYear());
            first = first == null ? st : first;
        }
        return first;
    }

    /** The derivation that concludes {@code st}: its rule, the facts it used and the ontology facts it rests on. */
    private void derivation(Explanation e, Resource st) {
        Resource rule = m.createResource(RULE_NS + e.rule().name())
                .addProperty(RDF.type, cikg("InferenceRule"))
                .addProperty(RDFS.label, e.rule().name())
                .addProperty(RDFS.comment, e.rule().description(), "en")
                .addProperty(cikg("ruleFile"), e.rule().file());
        Resource d = m.createResource()
                .addProperty(RDF.type, cikg("Derivation"))
                .addProperty(cikg("conclusion"), st)
                .addProperty(cikg("derivedBy"), rule);
        for (Explanation p : e.premises()) {
            d.addProperty(cikg("usedFact"), fact(p));
            // A claim with two sources is used once, through each of its statement nodes.
            if ("asserted".equals(p.status())) {
                p.sources().stream()
                        .skip(1)
                        .forEach(s -> d.addProperty(cikg("usedFact"), m.createResource(s.statement())));
            }
        }
        for (SchemaFact f : e.schema()) {
            Resource x = m.createResource()
                    .addProperty(RDF.type, RDF.Statement)
                    .addProperty(RDF.subject, node(f.subject()))
                    .addProperty(RDF.object, node(f.object()))
                    .addProperty(cikg("assertedIn"), m.createResource("https://w3id.org/cikg/graph/ontology"));
            String predicate = m.expandPrefix(f.relation());
            if (!predicate.equals(f.relation())) {
                x.addProperty(RDF.predicate, m.createResource(predicate));
            } else {
                x.addProperty(cikg("path"), f.relation());
            }
            d.addProperty(cikg("usedFact"), x);
        }
    }

    private void statement(Resource st, Term s, Term p, Term o) {
        st.addProperty(RDF.type, RDF.Statement)
                .addProperty(RDF.subject, node(s))
                .addProperty(RDF.predicate, node(p))
                .addProperty(RDF.object, node(o));
    }

    private RDFNode node(Term t) {
        if (t.iri() != null) {
            return m.createResource(t.iri());
        }
        if (t.lang() != null) {
            return m.createLiteral(t.value(), t.lang());
        }
        Literal l = t.datatype() == null
                ? m.createLiteral(t.value())
                : m.createTypedLiteral(t.value(), TypeMapper.getInstance().getSafeTypeByName(t.datatype()));
        return l;
    }

    private void year(Resource st, String local, String year) {
        if (year != null) {
            st.addProperty(
                    cikg(local),
                    m.createTypedLiteral(year, TypeMapper.getInstance().getSafeTypeByName(Namespaces.XSD + "gYear")));
        }
    }

    private Property cikg(String local) {
        return m.createProperty(Namespaces.CIKG, local);
    }

    private Property prop(String ns, String local) {
        return m.createProperty(ns, local);
    }
}
