package org.cikg.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code add-source} then {@code accept-sheet} on a small article of our own, over a copy of the real data: the
 * registration, the review sheet, the accepted claim as Turtle (re-read by Jena), and a rejected sheet.
 */
class CurationCommandTest {
    private static final String CIKG = "https://w3id.org/cikg/ontology#";
    private static final String STEM = "105_test";

    @TempDir
    Path dir;

    private Path data;
    private Path article;
    private Path sheet;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void copyData() throws IOException {
        data = dir.resolve("data");
        try (Stream<Path> files = Files.walk(Path.of("data"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = data.resolve(Path.of("data").relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        article = dir.resolve(STEM + ".txt");
        // Our own two-line test text (Arabic prefixes on the second line: و + ب).
        Files.writeString(
                article,
                "Liang Wenfeng set up DeepSeek, a start-up based in Hangzhou.\n"
                        + "وبهانغتشو تعمل شركة يونيتري روبوتيكس\n",
                StandardCharsets.UTF_8);
        sheet = dir.resolve("sheet.tsv");
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data", data.toString(), "--ontology", "ontology", "--rules", "queries/inference"));
        return new CurationCommand(
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(all.toArray(String[]::new));
    }

    private int addSource() {
        return run(
                "add-source",
                article.toString(),
                "--lang",
                "en",
                "--title",
                "A test article",
                "--date",
                "2026-01-15",
                "--sheet",
                sheet.toString());
    }

    @Test
    void addSourceRegistersTheArticleAndListsMentionsAndCandidateClaims() {
        assertEquals(0, addSource(), err.toString());
        Model m = RDFDataMgr.loadModel(data.resolve("articles/" + STEM + ".ttl").toString());
        Resource src = m.createResource("https://w3id.org/cikg/source/" + STEM);
        assertTrue(m.contains(src, RDF.type, m.createResource(CIKG + "SourceDocument")));
        assertEquals(2, src.getProperty(m.createProperty(CIKG + "lineCount")).getInt());

        List<ReviewSheet.Row> rows = ReviewSheet.read(sheet);
        List<String> para1 = rows.stream()
                .filter(r -> r.kind().equals("mention") && r.paragraph() == 1)
                .map(ReviewSheet.Row::subject)
                .toList();
        assertTrue(para1.containsAll(List.of("liang-wenfeng", "deepseek", "hangzhou")), para1.toString());
        List<String> para2 = rows.stream()
                .filter(r -> r.kind().equals("mention") && r.paragraph() == 2)
                .map(ReviewSheet.Row::subject)
                .toList();
        assertTrue(para2.containsAll(List.of("hangzhou", "unitree-robotics")), "prefixes stripped: " + para2);
        assertTrue(
                rows.stream()
                        .anyMatch(r -> r.kind().equals("claim")
                                && r.paragraph() == 1
                                && !r.predicate().isEmpty()
                                && List.of(r.subject(), r.object()).containsAll(List.of("deepseek", "liang-wenfeng"))),
                "a candidate claim links DeepSeek and Liang Wenfeng");
    }

    @Test
    void acceptedClaimBecomesTurtleWithItsStatementNode() {
        assertEquals(0, addSource(), err.toString());
        List<ReviewSheet.Row> rows = new ArrayList<>(ReviewSheet.read(sheet));
        rows.add(founderClaim(1, "deepseek", "stated", "edited by the curator"));
        ReviewSheet.write(sheet, rows);
        assertEquals(0, run("accept-sheet", sheet.toString()), err.toString());

        Model m = RDFDataMgr.loadModel(data.resolve("articles/" + STEM + ".ttl").toString());
        Resource st = m.createResource("https://w3id.org/cikg/statement/105-1-1");
        assertTrue(m.contains(st, RDF.type, RDF.Statement));
        assertEquals(
                "https://w3id.org/cikg/id/deepseek",
                st.getPropertyResourceValue(RDF.subject).getURI());
        assertEquals(
                CIKG + "founder", st.getPropertyResourceValue(RDF.predicate).getURI());
        assertEquals(1, st.getProperty(m.createProperty(CIKG + "paragraph")).getInt());
        assertEquals(
                "https://w3id.org/cikg/source/" + STEM,
                st.getPropertyResourceValue(m.createProperty("http://www.w3.org/ns/prov#wasDerivedFrom"))
                        .getURI());
        assertTrue(m.contains(
                m.createResource("https://w3id.org/cikg/id/deepseek"),
                m.createProperty(CIKG + "founder"),
                m.createResource("https://w3id.org/cikg/id/liang-wenfeng")));
        assertTrue(
                m.contains(
                        m.createResource("https://w3id.org/cikg/source/" + STEM),
                        RDF.type,
                        m.createResource(CIKG + "SourceDocument")),
                "the registration stays in the file");
    }

    @Test
    void aSheetThatFailsTheShapesWritesNothingAndNamesTheViolation() throws IOException {
        assertEquals(0, addSource(), err.toString());
        Path file = data.resolve("articles/" + STEM + ".ttl");
        String before = Files.readString(file);
        ReviewSheet.write(sheet, List.of(founderClaim(1, "deepseek", "probably", "")));
        assertEquals(1, run("accept-sheet", sheet.toString()));
        assertTrue(err.toString().contains("certainty"), err.toString());
        assertEquals(before, Files.readString(file), "nothing written");

        err.reset();
        ReviewSheet.write(sheet, List.of(founderClaim(9, "deepseek", "stated", "")));
        assertEquals(1, run("accept-sheet", sheet.toString()));
        assertTrue(err.toString().contains("outside the source document"), err.toString());
        assertEquals(before, Files.readString(file));
    }

    @Test
    void aRowNamingAnUnknownEntityIsReportedNotGuessed() {
        assertEquals(0, addSource(), err.toString());
        ReviewSheet.write(sheet, List.of(founderClaim(1, "no-such-company", "stated", "")));
        assertEquals(1, run("accept-sheet", sheet.toString()));
        assertTrue(err.toString().contains("no-such-company"), err.toString());
        assertFalse(err.toString().isEmpty());
    }

    /** An accepted row of the sheet: {@code subject} founded by Liang Wenfeng, in paragraph {@code paragraph}. */
    private static ReviewSheet.Row founderClaim(int paragraph, String subject, String certainty, String note) {
        return new ReviewSheet.Row(
                "yes", "claim", STEM, paragraph, subject, "", "cikg:founder", "liang-wenfeng", "", certainty, "", note);
    }
}
