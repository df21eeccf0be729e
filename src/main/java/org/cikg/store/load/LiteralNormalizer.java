package org.cikg.store.load;

import java.util.Set;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.process.normalize.CanonicalizeLiteral;

/**
 * Rewrites numeric literals to their canonical lexical form as they are loaded ({@code "5"^^xsd:decimal} becomes
 * {@code "5.0"}, {@code "+007"^^xsd:integer} becomes {@code "7"}, {@code "1e0"^^xsd:double} becomes
 * {@code "1.0e0"}).
 *
 * <p>Why: TDB2 stores small numbers inline as values and hands them back in canonical form, so a literal loaded as
 * {@code "5"^^xsd:decimal} comes back as {@code "5.0"}, and then {@code DELETE DATA}/{@code DELETE WHERE}/{@code CLEAR}
 * with the form the user wrote cannot remove it (apache/jena#3404, fixed in Jena 6.0). Storing the canonical form
 * in the first place makes what is written, what is read and what is deleted the same term. Only numeric types are
 * touched; Jena's {@link CanonicalizeLiteral} does the rewriting, and an ill-typed lexical form is left as it is
 * (the strict loader has already refused it).
 */
public final class LiteralNormalizer {
    private static final Set<RDFDatatype> NUMERIC = Set.of(
            XSDDatatype.XSDdecimal,
            XSDDatatype.XSDinteger,
            XSDDatatype.XSDdouble,
            XSDDatatype.XSDfloat,
            XSDDatatype.XSDint,
            XSDDatatype.XSDlong,
            XSDDatatype.XSDshort,
            XSDDatatype.XSDbyte,
            XSDDatatype.XSDnonNegativeInteger,
            XSDDatatype.XSDpositiveInteger,
            XSDDatatype.XSDnonPositiveInteger,
            XSDDatatype.XSDnegativeInteger,
            XSDDatatype.XSDunsignedInt,
            XSDDatatype.XSDunsignedLong,
            XSDDatatype.XSDunsignedShort,
            XSDDatatype.XSDunsignedByte);

    private LiteralNormalizer() {}

    /** The canonical form of a numeric literal; any other node unchanged. */
    public static Node normalize(Node node) {
        if (!node.isLiteral() || !NUMERIC.contains(node.getLiteralDatatype())) {
            return node;
        }
        try {
            return CanonicalizeLiteral.get().apply(node);
        } catch (RuntimeException illTyped) {
            return node;
        }
    }
}
