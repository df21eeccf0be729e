package org.cikg.store.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.system.Txn;
import org.cikg.support.StoreFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiteralNormalizerTest {

    private static Node lit(String lex, XSDDatatype dt) {
        return NodeFactory.createLiteralDT(lex, dt);
    }

    @Test
    void numericLiteralsGetTheirCanonicalLexicalForm() {
        assertThat(LiteralNormalizer.normalize(lit("5", XSDDatatype.XSDdecimal)).getLiteralLexicalForm())
                .isEqualTo("5.0");
        assertThat(LiteralNormalizer.normalize(lit("+007", XSDDatatype.XSDinteger))
                        .getLiteralLexicalForm())
                .isEqualTo("7");
        assertThat(LiteralNormalizer.normalize(lit("1e0", XSDDatatype.XSDdouble))
                        .getLiteralLexicalForm())
                .isEqualTo("1.0e0");
        assertThat(LiteralNormalizer.normalize(lit("2026", XSDDatatype.XSDgYear))
                        .getLiteralLexicalForm())
                .isEqualTo("2026");
        Node label = NodeFactory.createLiteralLang("5", "en");
        assertThat(LiteralNormalizer.normalize(label)).isSameAs(label);
    }

    @Test
    void loadedDecimalCanBeDeletedWithTheFormTheFileUsed(@TempDir Path tmp) throws Exception {
        try (StoreFixture f = new StoreFixture(tmp)) {
            Files.writeString(f.data().resolve("numbers.ttl"), """
                    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                    <https://example.org/x/n> <https://example.org/x/dec> "5"^^xsd:decimal ; <https://example.org/x/int> "+007"^^xsd:integer ;
                              <https://example.org/x/dbl> "1e0"^^xsd:double .
                    """);
            f.loader.load(true);
            String dataGraph = "<https://w3id.org/cikg/graph/data>";
            assertThat(
                            ask(
                                    f,
                                    "ASK { <https://example.org/x/n> <https://example.org/x/dec> ?d FILTER(str(?d) = \"5.0\") }"))
                    .isTrue();
            update(
                    f,
                    "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> DELETE DATA { GRAPH " + dataGraph
                            + " { <https://example.org/x/n> <https://example.org/x/dec> \"5.0\"^^xsd:decimal ; <https://example.org/x/int> 7 ; <https://example.org/x/dbl> 1.0e0 } }");
            assertThat(ask(f, "ASK { <https://example.org/x/n> ?p ?o }")).isFalse();
        }
    }

    @Test
    void deleteWhereRemovesLoadedNumbers(@TempDir Path tmp) throws Exception {
        try (StoreFixture f = new StoreFixture(tmp)) {
            Files.writeString(f.data().resolve("numbers.ttl"), """
                    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                    <https://example.org/x/m> <https://example.org/x/dec> "5"^^xsd:decimal , "12.50"^^xsd:decimal ; <https://example.org/x/int> "0042"^^xsd:integer .
                    """);
            f.loader.load(true);
            update(f, "DELETE WHERE { GRAPH <https://w3id.org/cikg/graph/data> { <https://example.org/x/m> ?p ?o } }");
            assertThat(ask(f, "ASK { <https://example.org/x/m> ?p ?o }")).isFalse();
        }
    }

    private static boolean ask(StoreFixture f, String q) {
        return Txn.calculateRead(f.store.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(f.store.dataset()))
                    .query(q)
                    .build()) {
                return qe.execAsk();
            }
        });
    }

    private static void update(StoreFixture f, String u) {
        Txn.executeWrite(
                f.store.dataset(),
                () -> org.apache.jena.sparql.exec.UpdateExec.dataset(f.store.dataset())
                        .update(u)
                        .execute());
    }
}
