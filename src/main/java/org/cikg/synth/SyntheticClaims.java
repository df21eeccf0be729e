package org.cikg.synth;

import static org.cikg.core.Namespaces.CIKG;
import static org.cikg.core.Namespaces.KGSRC;
import static org.cikg.core.Namespaces.KGST;
import static org.cikg.core.Namespaces.PROV;

import java.util.SplittableRandom;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Where the synthetic triples go, counted: plain triples ({@link #emit}), names and glosses, and claims
 * ({@link #claim}), each written as its plain triple and again as an {@code rdf:Statement} derived from the current
 * synthetic {@code cikg:SourceDocument} (a new one every {@value #CLAIMS_PER_SOURCE} claims) with a paragraph inside
 * its line count and a certainty. Draws from the writer's own random stream, so the output stays a function of the
 * seed.
 */
final class SyntheticClaims {
    /** Lines of every synthetic source document; paragraphs are drawn within it. */
    static final int SOURCE_LINES = 120;
    /** Claims attributed to one synthetic source before the next one starts. */
    private static final int CLAIMS_PER_SOURCE = 400;

    private static final String[] LANGUAGES = {"zh", "en", "ar", "ru", "he", "fr"};

    private final StreamRDF out;
    private final SplittableRandom random;
    private long triples;
    private long statements;
    private long sources;
    private long claimsInSource;
    private Node source;

    SyntheticClaims(StreamRDF out, SplittableRandom random) {
        this.out = out;
        this.random = random;
    }

    long triples() {
        return triples;
    }

    long statements() {
        return statements;
    }

    long sources() {
        return sources;
    }

    void emit(Node s, Node p, Node o) {
        out.triple(Triple.create(s, p, o));
        triples++;
    }

    /** The plain triple and its statement node, attributed to the current synthetic source. */
    void claim(Node s, Node p, Node o, Node startYear) {
        emit(s, p, o);
        if (source == null || claimsInSource == CLAIMS_PER_SOURCE) {
            startSource();
        }
        claimsInSource++;
        statements++;
        int paragraph = 1 + random.nextInt(SOURCE_LINES);
        Node st = NodeFactory.createURI(KGST + "synthetic-" + sources + "-" + paragraph + "-" + claimsInSource);
        emit(st, RDF.type.asNode(), RDF.Statement.asNode());
        emit(st, RDF.subject.asNode(), s);
        emit(st, RDF.predicate.asNode(), p);
        emit(st, RDF.object.asNode(), o);
        emit(st, NodeFactory.createURI(PROV + "wasDerivedFrom"), source);
        emit(st, cikg("paragraph"), NodeFactory.createLiteralDT(Integer.toString(paragraph), XSDDatatype.XSDinteger));
        emit(st, cikg("certainty"), NodeFactory.createLiteralString(random.nextInt(100) < 15 ? "hedged" : "stated"));
        if (startYear != null) {
            emit(st, cikg("startYear"), startYear);
        }
    }

    private void startSource() {
        sources++;
        claimsInSource = 0;
        String stem = "synthetic-" + sources;
        source = NodeFactory.createURI(KGSRC + stem);
        String lang = LANGUAGES[(int) (sources % LANGUAGES.length)];
        emit(source, RDF.type.asNode(), cikg("SourceDocument"));
        emit(source, DCTerms.title.asNode(), NodeFactory.createLiteralLang("Synthetic article " + sources, "en"));
        emit(source, DCTerms.language.asNode(), NodeFactory.createLiteralString(lang));
        emit(source, DCTerms.identifier.asNode(), NodeFactory.createLiteralString(stem + ".txt"));
        emit(
                source,
                cikg("lineCount"),
                NodeFactory.createLiteralDT(Integer.toString(SOURCE_LINES), XSDDatatype.XSDinteger));
    }

    /** One {@code @en} label, and the name in Han, Cyrillic, Arabic and Hebrew script. */
    void labels(Node s, String en, String zh, SyntheticNames.Name n) {
        emit(s, RDFS.label.asNode(), NodeFactory.createLiteralLang(en, "en"));
        emit(s, RDFS.label.asNode(), NodeFactory.createLiteralLang(zh, "zh"));
        emit(s, RDFS.label.asNode(), NodeFactory.createLiteralLang(n.cyrillic(), "ru"));
        emit(s, RDFS.label.asNode(), NodeFactory.createLiteralLang(n.arabic(), "ar"));
        emit(s, RDFS.label.asNode(), NodeFactory.createLiteralLang(n.hebrew(), "he"));
    }

    void comment(Node s, String text) {
        emit(s, RDFS.comment.asNode(), NodeFactory.createLiteralLang(text, "en"));
    }

    static Node year(int y) {
        return NodeFactory.createLiteralDT(Integer.toString(y), XSDDatatype.XSDgYear);
    }

    static Node cikg(String local) {
        return NodeFactory.createURI(CIKG + local);
    }
}
