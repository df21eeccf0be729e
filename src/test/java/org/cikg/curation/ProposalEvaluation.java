package org.cikg.curation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The leave-one-article-out evaluation of proposals over the five seed articles (see docs/curation.md, "How good
 * the proposals are"). Not part of {@code mvn verify}: run it with {@code mvn -o test -Pproposals}. It prints the
 * table of figures and every miss, and writes them to {@code target/proposal-evaluation.md}. Seeds are found as
 * {@link MentionRecallTest} finds them ({@code -Dcikg.seeds=DIR}, else {@code ../shared/seeds} or
 * {@code ../../shared/seeds}).
 */
class ProposalEvaluation {
    @Test
    void leaveOneArticleOut() throws Exception {
        Path seeds = MentionRecallTest.seeds();
        List<Path> articles;
        try (Stream<Path> s = Files.list(seeds)) {
            articles = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        GazetteerIndex gazetteer = GazetteerIndex.read(Path.of("gazetteer/counties.ttl"));
        ProposalScorer scorer = new ProposalScorer();
        ProposalScorer.Score all = new ProposalScorer.Score();
        StringBuilder table = new StringBuilder(ProposalScorer.Score.header()).append('\n');
        StringBuilder misses = new StringBuilder();
        for (Path a : articles) {
            String lang = Proposer.language(CurationCommand.readLines(a));
            ProposalScorer.Score sc = scorer.score(
                    a, Path.of("ontology"), Path.of("data"), Path.of("queries/inference"), gazetteer, lang);
            String name = a.getFileName().toString().substring(0, 3) + " (" + lang + ")";
            table.append(sc.row(name)).append('\n');
            sc.misses.forEach(m -> misses.append(name).append(": ").append(m).append('\n'));
            all.add(sc);
            if (System.getProperty("cikg.sheets") != null) {
                // The sheet as add-source writes it, from the reduced data, to read the proposals behind the figures.
                ReviewSheet.write(Path.of("target/proposals-" + name.substring(0, 3) + ".tsv"), sc.sheet);
            }
        }
        table.append(all.row("**all**")).append('\n');
        String report = table + "\n" + misses;
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/proposal-evaluation.md"), report);
        assertTrue(all.claimGold > 0 && all.entityGold > 0, "the seeds have curated claims and entities to score");
    }
}
