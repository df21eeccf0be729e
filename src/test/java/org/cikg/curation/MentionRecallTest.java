package org.cikg.curation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mention finding measured on the five seed articles: for each paragraph, the entities the finder names are compared
 * with the entities the curated statement nodes of that paragraph record (their subjects and objects, posts and
 * indicators aside). Recall is what matters (a curator drops extra rows in seconds, but cannot review a missed
 * entity); precision counts as wrong every entity the paragraph names but no curated claim of that paragraph uses,
 * so it understates the finder's real precision.
 *
 * <p>Seeds are read from {@code -Dcikg.seeds=DIR} when given, else from {@code shared/seeds} beside the checkout
 * ({@code ../shared/seeds}, as CI lays it out) or beside its parent folder ({@code ../../shared/seeds}, a git
 * worktree's case). Without them the test fails and says where it looked: it does not pass by running nothing.
 */
class MentionRecallTest {
    /** The recall reached on the seeds (0.922, see docs/curation.md), rounded down; a drop fails the test. */
    static final double MIN_RECALL = 0.92;
    /**
     * The precision reached with it (0.604), rounded down: a finder that reached its recall by reporting everything
     * would fail here.
     */
    static final double MIN_PRECISION = 0.60;

    private static Path seedsFolder;
    private static CurationGraph graph;
    private static MentionFinder finder;

    /** The seed folder: {@code -Dcikg.seeds}, else the first of the usual places that exists. */
    static Path seeds() {
        String given = System.getProperty("cikg.seeds");
        List<Path> candidates = given != null
                ? List.of(Path.of(given))
                : List.of(Path.of("../shared/seeds"), Path.of("../../shared/seeds"));
        return candidates.stream()
                .filter(Files::isDirectory)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Seed articles not found at "
                        + candidates.stream()
                                .map(p -> p.toAbsolutePath().normalize().toString())
                                .toList()
                        + ": mention recall is measured on them; give their folder with -Dcikg.seeds=DIR"));
    }

    @BeforeAll
    static void readGraph() {
        seedsFolder = seeds();
        graph = CurationGraph.read(Path.of("ontology"), Path.of("data"), Path.of("queries/inference"));
        finder = new MentionFinder(graph.names(), graph::types);
    }

    @Test
    void mentionsCoverTheEntitiesOfTheCuratedStatementsOfEveryParagraph() throws IOException {
        List<Path> seeds;
        try (Stream<Path> s = Files.list(seedsFolder)) {
            seeds = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        if (seeds.isEmpty()) {
            throw new IllegalStateException("No seed articles (*.txt) in " + seedsFolder.toAbsolutePath());
        }
        int foundTotal = 0;
        int goldTotal = 0;
        int hitTotal = 0;
        StringBuilder report = new StringBuilder();
        for (Path seed : seeds) {
            String stem = seed.getFileName().toString().replaceFirst("\\.txt$", "");
            Map<Integer, Set<String>> gold = graph.statedEntitiesByParagraph(stem);
            Map<Integer, Set<String>> found = new TreeMap<>();
            for (MentionFinder.Mention m : finder.findAll(CurationCommand.readLines(seed))) {
                found.computeIfAbsent(m.paragraph(), k -> new HashSet<>()).addAll(m.entities());
            }
            int f = 0;
            int g = 0;
            int h = 0;
            for (int para : union(gold.keySet(), found.keySet())) {
                Set<String> gs = gold.getOrDefault(para, Set.of());
                Set<String> fs = found.getOrDefault(para, Set.of());
                f += fs.size();
                g += gs.size();
                for (String e : gs) {
                    if (fs.contains(e)) {
                        h++;
                    } else {
                        report.append(String.format(
                                "  missed %s paragraph %d: %s (%s)%n",
                                stem, para, e.substring(e.lastIndexOf('/') + 1), graph.englishLabel(e)));
                    }
                }
            }
            report.append(String.format(
                    "%s: recall %.3f (%d/%d), precision %.3f (%d/%d)%n",
                    stem, (double) h / g, h, g, (double) h / f, h, f));
            foundTotal += f;
            goldTotal += g;
            hitTotal += h;
        }
        double recall = (double) hitTotal / goldTotal;
        double precision = (double) hitTotal / foundTotal;
        report.append(String.format(
                "all: recall %.3f (%d/%d), precision %.3f (%d/%d)%n",
                recall, hitTotal, goldTotal, precision, hitTotal, foundTotal));
        System.out.print(report);
        assertTrue(goldTotal > 0, "the curated data records statements for the seeds");
        assertTrue(recall >= MIN_RECALL, "mention recall " + recall + " fell below " + MIN_RECALL + "\n" + report);
        assertTrue(
                precision >= MIN_PRECISION,
                "mention precision " + precision + " fell below " + MIN_PRECISION + "\n" + report);
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        Set<Integer> u = new java.util.TreeSet<>(a);
        u.addAll(b);
        return u;
    }
}
