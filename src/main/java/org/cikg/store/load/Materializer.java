package org.cikg.store.load;

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
import org.cikg.problem.DataLoadException;
import org.cikg.store.Graphs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Materialises what the ontology implies, by running the SPARQL Update rules in {@code queries/inference/*.ru}
 * (in file-name order) until a round adds nothing. The rules write only into {@link Graphs#INFERRED}.
 *
 * <p>Rules as SPARQL Update files rather than a Jena rule reasoner: they read like the queries users write, they
 * run inside the load's write transaction on TDB2 without copying the graph into memory, and they work unchanged
 * over any SPARQL 1.1 store.
 */
public final class Materializer {
    private static final Logger LOG = LoggerFactory.getLogger(Materializer.class);
    private static final int MAX_ROUNDS = 10;

    private final List<Rule> rules;

    /** One rule file, parsed. */
    public record Rule(Path file, UpdateRequest update) {}

    private Materializer(List<Rule> rules) {
        this.rules = rules;
    }

    /** Parses every rule in the folder; a rule that does not parse stops start-up with its file name. */
    public static Materializer fromFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return new Materializer(List.of());
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Rule> rules = files.filter(p -> p.toString().endsWith(".ru"))
                    .sorted()
                    .map(p -> {
                        try {
                            return new Rule(p, UpdateFactory.create(Files.readString(p)));
                        } catch (QueryParseException e) {
                            throw new DataLoadException(p + ": " + e.getMessage(), e);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
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
        long before = -1;
        long now = count(dsg);
        int round = 0;
        while (now != before && round < MAX_ROUNDS) {
            round++;
            for (Rule rule : rules) {
                UpdateExec.dataset(dsg).update(rule.update()).execute();
            }
            before = now;
            now = count(dsg);
            LOG.info("Inference round {}: {} inferred triples", round, now);
        }
        return now;
    }

    private static long count(DatasetGraph dsg) {
        return dsg.getGraph(Graphs.INFERRED).size();
    }
}
