package org.cikg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Materialises what the ontology implies, by running the SPARQL Update rules in {@code queries/inference/*.ru}
 * (in file-name order) until a round adds nothing. The rules write only into {@link Graphs#INFERRED}.
 *
 * <p>A rule that feeds itself (a transitive closure, one step per run) says so with a header line
 * {@value #REPEAT}: it is repeated in place while it adds something, before the next rule runs. Without that, each
 * step of the closure cost a whole round of every rule over the whole graph (four rounds for a five-level place
 * hierarchy); with it, a load takes one productive round plus the round that confirms nothing more follows, and
 * the result is the same fixpoint (the loop still ends only when a whole round adds nothing).
 *
 * <p>Rules as SPARQL Update files rather than a Jena rule reasoner: they read like the queries users write, they
 * run inside the load's write transaction on TDB2 without copying the graph into memory, and they work unchanged
 * over any SPARQL 1.1 store.
 */
public final class Materializer {
    private static final Logger LOG = LoggerFactory.getLogger(Materializer.class);
    private static final int MAX_ROUNDS = 10;
    /** The header line that marks a rule to repeat in place while it adds something. */
    static final String REPEAT = "# repeat: while it adds";

    private final List<Rule> rules;

    /** One rule file, parsed. */
    public record Rule(Path file, UpdateRequest update, boolean repeat) {
    }

    private Materializer(List<Rule> rules) {
        this.rules = rules;
    }

    /** Parses every rule in the folder; a rule that does not parse stops start-up with its file name. */
    public static Materializer fromFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return new Materializer(List.of());
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Rule> rules = files.filter(p -> p.toString().endsWith(".ru")).sorted().map(p -> {
                try {
                    String text = Files.readString(p);
                    boolean repeat = text.lines().takeWhile(l -> l.startsWith("#"))
                            .anyMatch(l -> l.strip().equals(REPEAT));
                    return new Rule(p, UpdateFactory.create(text), repeat);
                } catch (QueryParseException e) {
                    throw new DataLoadException(p + ": " + e.getMessage(), e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
            return new Materializer(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Path> files() {
        return rules.stream().map(Rule::file).toList();
    }

    /** Runs the rules to a fixpoint inside the caller's write transaction; returns the size of the inferred graph. */
    public long run(DatasetGraph dsg) {
        return runToFixpoint(dsg).inferred();
    }

    /** What a run did: the inferred graph's size and the rounds of every rule it took (the last one adds nothing). */
    public record Outcome(long inferred, int rounds) {
    }

    /** As {@link #run}, also saying how many rounds it took. */
    public Outcome runToFixpoint(DatasetGraph dsg) {
        long before = -1;
        long now = count(dsg);
        int round = 0;
        while (now != before && round < MAX_ROUNDS) {
            round++;
            before = now;
            for (Rule rule : rules) {
                long size = count(dsg);
                int runs = 0;
                while (true) {
                    UpdateExec.dataset(dsg).update(rule.update()).execute();
                    runs++;
                    if (!rule.repeat() || runs >= MAX_ROUNDS) {
                        break;
                    }
                    long after = count(dsg);
                    if (after == size) {
                        break;
                    }
                    size = after;
                }
                if (runs > 1) {
                    LOG.debug("Rule {} ran {} times in round {}", rule.file().getFileName(), runs, round);
                }
            }
            now = count(dsg);
            LOG.info("Inference round {}: {} inferred triples", round, now);
        }
        return new Outcome(now, round);
    }

    private static long count(DatasetGraph dsg) {
        return dsg.getGraph(Graphs.INFERRED).size();
    }
}
