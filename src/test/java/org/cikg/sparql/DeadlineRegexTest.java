package org.cikg.sparql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSetOps;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.cikg.config.KgProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Regular expressions under a query's deadline ({@link DeadlineRegex}, installed by {@link QueryBounds}): the
 * catastrophic pattern of the report, {@code (.*a){12}$} over 33 characters (35 s with a 10 s limit before), stops at
 * a 1 s limit in every form a query can run a regex in; and every ordinary regex query gives the same answer as
 * plain ARQ.
 */
class DeadlineRegexTest {
    private static final String EVIL = "(.*a){12}$";
    private static final String PREFIXES = "PREFIX fn: <http://www.w3.org/2005/xpath-functions#> "
            + "PREFIX sparql: <http://www.w3.org/ns/sparql#> PREFIX apf: <http://jena.apache.org/ARQ/property#> ";

    private static DatasetGraph data(boolean bounded) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        dsg.executeWrite(() -> {
            add(dsg, "urn:x:long", NodeFactory.createLiteralString("a".repeat(32) + "b"));
            add(dsg, "urn:x:en", NodeFactory.createLiteralLang("Unitree Robotics", "en"));
            add(dsg, "urn:x:zh", NodeFactory.createLiteralLang("\u5b87\u6811\u79d1\u6280", "zh"));
            add(dsg, "urn:x:list", NodeFactory.createLiteralString("a, b ,c,,d"));
            add(dsg, "urn:x:plain", NodeFactory.createLiteralString("DeepSeek AI"));
            add(dsg, "urn:x:dots", NodeFactory.createLiteralString("v1 a.b axb"));
        });
        if (bounded) {
            QueryBounds.apply(dsg.getContext(), new KgProperties.Sparql(Duration.ofSeconds(1), Path.of("queries")));
        }
        return dsg;
    }

    private static void add(DatasetGraph dsg, String s, org.apache.jena.graph.Node o) {
        dsg.add(Quad.defaultGraphIRI, NodeFactory.createURI(s), NodeFactory.createURI("urn:x:label"), o);
    }

    static List<String> catastrophic() {
        String e = "\"" + EVIL + "\"";
        return List.of(
                "SELECT * { ?s ?p ?o FILTER(REGEX(?o, " + e + ")) }",
                "SELECT * { ?s ?p ?o FILTER(REGEX(STR(?o), " + e + ", \"i\")) }",
                "SELECT (REPLACE(?o, " + e + ", \"x\") AS ?r) { ?s ?p ?o }",
                "SELECT * { ?s ?p ?o FILTER(fn:matches(?o, " + e + ")) }",
                "SELECT (fn:replace(?o, " + e + ", \"x\") AS ?r) { ?s ?p ?o }",
                "SELECT * { ?s ?p ?o FILTER(sparql:regex(?o, " + e + ")) }",
                "SELECT * { ?s ?p ?o FILTER EXISTS { ?s ?q ?v FILTER(REGEX(?v, " + e + ")) } }",
                "SELECT * { ?s ?p ?o BIND(REGEX(?o, " + e + ") AS ?m) }",
                "SELECT ?s { ?s ?p ?o } ORDER BY (REGEX(?o, " + e + "))",
                "SELECT ?s (GROUP_CONCAT(REPLACE(?o, " + e + ", \"\")) AS ?g) { ?s ?p ?o } GROUP BY ?s",
                "SELECT ?s { ?s ?p ?o } GROUP BY ?s HAVING (REGEX(SAMPLE(?o), " + e + "))",
                "SELECT ?s (SUM(IF(REGEX(?o, " + e + "), 1, 0)) AS ?n) { ?s ?p ?o } GROUP BY ?s",
                "SELECT * { { SELECT ?s { ?s ?p ?o FILTER(REGEX(?o, " + e + ")) } } }",
                "SELECT * { ?s ?p ?o FILTER(REGEX(?o, CONCAT(\"(.*a)\", \"{12}$\"))) }",
                "SELECT ?t { ?s ?p ?o . ?t apf:strSplit (?o " + e + ") }",
                "ASK { ?s ?p ?o FILTER(REGEX(?o, " + e + ")) }");
    }

    @ParameterizedTest
    @MethodSource("catastrophic")
    void catastrophicPatternStopsAtTheLimit(String query) {
        DatasetGraph dsg = data(true);
        long t0 = System.nanoTime();
        Throwable t = catchThrowable(() -> dsg.executeRead(() -> {
            try (QueryExec exec = QueryExec.newBuilder()
                    .dataset(dsg)
                    .query(PREFIXES + query)
                    .timeout(1000, TimeUnit.MILLISECONDS)
                    .build()) {
                if (exec.getQuery().isAskType()) {
                    exec.ask();
                } else {
                    RowSetOps.count(exec.select());
                }
            }
        }));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(t).as(query).isInstanceOf(QueryCancelledException.class);
        assertThat(ms).as("stopped near the 1 s limit: " + query).isLessThan(6_000);
    }

    static List<String> ordinary() {
        return List.of(
                "SELECT ?s { ?s ?p ?o FILTER(REGEX(?o, \"^unitree\", \"i\")) }",
                "SELECT ?s { ?s ?p ?o FILTER(REGEX(?o, \"deep.*ai\", \"i\")) }",
                "SELECT ?s { ?s ?p ?o FILTER(REGEX(?o, \"a.b\", \"q\")) }",
                "SELECT ?s { ?s ?p ?o FILTER(REGEX(?o, \"\u5b87\u6811\")) }",
                "SELECT ?s { ?s ?p ?o FILTER(REGEX(?o, CONCAT(\"[\", \"a\"))) }",
                "SELECT ?s { ?s ?p ?o FILTER(REGEX(?o, \"x\", CONCAT(\"z\", \"\"))) }",
                "SELECT ?s { ?s ?p ?o FILTER(REGEX(?o, ?p)) }",
                "SELECT ?s (REPLACE(?o, \"o\", \"0\") AS ?r) { ?s ?p ?o }",
                "SELECT ?s (REPLACE(?o, \"(\\\\w+) (\\\\w+)\", \"$2 $1\") AS ?r) { ?s ?p ?o }",
                "SELECT ?s (REPLACE(?o, \"x*\", \"-\") AS ?r) { ?s ?p ?o }",
                "SELECT ?s (REPLACE(?o, \"o\", \"$9\") AS ?r) { ?s ?p ?o }",
                "SELECT ?s (REPLACE(?o, \"zzz\", \"y\") AS ?r) { ?s ?p ?o }",
                "SELECT ?s (REPLACE(?o, \"ROBOT\", \"R\", \"i\") AS ?r) { ?s ?p ?o }",
                "SELECT ?s { ?s ?p ?o FILTER(fn:matches(?o, \"Seek\")) }",
                "SELECT ?s (fn:replace(?o, \"e\", \"E\") AS ?r) { ?s ?p ?o }",
                "SELECT ?s { ?s ?p ?o FILTER(sparql:regex(?o, \"Robot\")) }",
                "SELECT ?s (sparql:replace(?o, \"a\", \"A\") AS ?r) { ?s ?p ?o }",
                "SELECT ?t { <urn:x:list> ?p ?o . ?t apf:strSplit (?o \",\") }",
                "SELECT ?s { ?s ?p ?o . \"b\" apf:strSplit (?o \",\") }",
                "SELECT ?s { ?s ?p ?o FILTER EXISTS { ?s ?q ?v FILTER(REGEX(?v, \"AI$\")) } }",
                "SELECT ?s { ?s ?p ?o FILTER(REGEX(\"constant\", \"con\")) }");
    }

    /**
     * Every ordinary regex query: the same rows as plain ARQ gives (a row error drops the row alike), or the same
     * failure (a pattern that does not compile once constants are folded fails the query in ARQ too).
     */
    @ParameterizedTest
    @MethodSource("ordinary")
    void ordinaryRegexQueriesAnswerAsPlainArqDoes(String query) {
        Throwable ourFailure = catchThrowable(() -> run(data(true), PREFIXES + query));
        Throwable plainFailure = catchThrowable(() -> run(data(false), PREFIXES + query));
        if (plainFailure != null) {
            assertThat(ourFailure).as(query).isNotNull().hasSameClassAs(plainFailure);
            return;
        }
        assertThat(ourFailure).as(query).isNull();
        RowSetRewindable ours = run(data(true), PREFIXES + query);
        RowSetRewindable plain = run(data(false), PREFIXES + query);
        boolean same = ResultSetCompare.equalsByTerm(ours, plain);
        ours.reset();
        plain.reset();
        assertThat(same)
                .as(query + "\nours:\n" + text(ours) + "\nplain:\n" + text(plain))
                .isTrue();
    }

    @Test
    void replaceKeepsTheLanguageTag() {
        RowSetRewindable r = run(data(true), "SELECT (REPLACE(?o, \"Robotics\", \"R\") AS ?r) { <urn:x:en> ?p ?o }");
        assertThat(r.next().get("r")).isEqualTo(NodeFactory.createLiteralLang("Unitree R", "en"));
    }

    @Test
    void functionClassesAreNotLoadedByIri() {
        String viaClass = "SELECT ?s { ?s ?p ?o FILTER(<java:org.apache.jena.sparql.function.library.FN_Matches>(?o, "
                + "\"" + EVIL + "\")) }";
        RowSetRewindable r = run(data(true), viaClass);
        assertThat(r.size())
                .as("an unknown function is an evaluation error: no row, and no unbounded regex")
                .isZero();
    }

    @Test
    void tooLongConstantPatternsAreFoundAnywhere() {
        String longPattern = "a".repeat(1001);
        for (String q : List.of(
                "SELECT * { ?s ?p ?o FILTER(REGEX(?o, \"" + longPattern + "\")) }",
                "SELECT (REPLACE(?o, \"" + longPattern + "\", \"\") AS ?r) { ?s ?p ?o }",
                "ASK { ?s ?p ?o FILTER EXISTS { ?s ?q ?v FILTER(fn:matches(?v, \"" + longPattern + "\")) } }")) {
            assertThat(DeadlineRegex.tooLongPattern(QueryFactory.create(PREFIXES + q, Syntax.syntaxARQ), 1000))
                    .as(q)
                    .hasValue(longPattern);
        }
        assertThat(DeadlineRegex.tooLongPattern(
                        QueryFactory.create("SELECT * { ?s ?p ?o FILTER(REGEX(?o, \"" + "a".repeat(1000) + "\")) }"),
                        1000))
                .isEmpty();
    }

    @Test
    void computedPatternOverTheCapIsAnEvaluationError() {
        DatasetGraph dsg = data(false);
        QueryBounds.apply(
                dsg.getContext(), new KgProperties.Sparql(Duration.ofSeconds(1), Path.of("queries"), 50_000, 10));
        RowSetRewindable r = run(dsg, "SELECT ?s { ?s ?p ?o FILTER(REGEX(?o, CONCAT(\"Unitree\", \" Robotics\"))) }");
        assertThat(r.size()).isZero();
        RowSetRewindable shortOne = run(dsg, "SELECT ?s { ?s ?p ?o FILTER(REGEX(?o, CONCAT(\"Uni\", \"tree\"))) }");
        assertThat(shortOne.size()).isEqualTo(1);
    }

    private static String text(RowSetRewindable rows) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        RowSetOps.out(out, rows);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static RowSetRewindable run(DatasetGraph dsg, String query) {
        return dsg.calculateRead(() -> {
            try (QueryExec exec =
                    QueryExec.newBuilder().dataset(dsg).query(query).build()) {
                return exec.select().rewindable();
            }
        });
    }
}
