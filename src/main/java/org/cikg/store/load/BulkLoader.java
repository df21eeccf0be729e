package org.cikg.store.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.loader.main.LoaderPlan;
import org.apache.jena.tdb2.loader.main.LoaderPlans;
import org.cikg.config.KgProperties;
import org.cikg.problem.DataLoadException;
import org.cikg.store.Graphs;
import org.cikg.store.KnowledgeStore;
import org.cikg.store.statistics.StoreStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one big RDF file (N-Triples, Turtle, N-Quads, gzipped or not) into the data graph with TDB2's bulk loader,
 * for graphs too big for {@link DataLoader}'s single parsing transaction: {@code java -jar cikg.jar load --file
 * synth.nt.gz [--loader parallel|phased|sequential|basic]}.
 *
 * <p>Steps, each timed on its own: empty the store's graphs; load {@code ontology/} into the ontology graph (small,
 * one transaction); bulk-load the file into the data graph (the loader prints a progress line with triples/s);
 * materialise inferences with the same rules as a normal load ({@link Materializer}); record counts in the meta
 * graph. The recorded data hash is {@code bulk:} plus the file's name, size and time, so a service started over a
 * bulk-loaded store must run with {@code kg.store.load-on-start=false} (otherwise it would replace the big graph
 * with the curated files). Unlike {@link DataLoader}, the load is not atomic: it is for building a store offline,
 * with no service running on it.
 */
public final class BulkLoader {
    private static final Logger LOG = LoggerFactory.getLogger(BulkLoader.class);

    /** TDB2's loader plans by the names {@code tdb2.tdbloader --loader=...} uses. */
    public enum Plan {
        PARALLEL(LoaderPlans.loaderPlanParallel),
        PHASED(LoaderPlans.loaderPlanPhased),
        SEQUENTIAL(LoaderPlans.loaderPlanMinimal),
        BASIC(null);

        final LoaderPlan plan;

        Plan(LoaderPlan plan) {
            this.plan = plan;
        }

        public static Plan of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * What a bulk load did.
     *
     * @param fileTriples triples read from the big file
     * @param load        the bulk-load step alone
     * @param inferred    triples the rules added
     * @param inference   the inference step alone
     * @param total       triples in the union default graph afterwards
     */
    public record Report(long fileTriples, Duration load, long inferred, Duration inference, long total) {
        public double loadTriplesPerSecond() {
            return fileTriples / Math.max(1e-9, load.toNanos() / 1e9);
        }
    }

    private final KnowledgeStore store;
    private final KgProperties props;
    private final Materializer materializer;
    private final Consumer<String> progress;

    /** {@code progress} receives the loader's progress lines (e.g. {@code System.out::println}). */
    public BulkLoader(KnowledgeStore store, KgProperties props, Consumer<String> progress) {
        this.store = store;
        this.props = props;
        this.materializer = Materializer.fromFolder(props.sparql().queries().resolve("inference"));
        this.progress = progress;
    }

    /** Replaces the store's contents with {@code ontology/} plus {@code file}, then materialises inferences. */
    public Report load(Path file, Plan plan) {
        store.requireEmbedded(
                "Bulk load (load --file)",
                "load a big file with the store's own bulk loader "
                        + "(Fuseki: tdb2.xloader; Virtuoso: ld_dir and rdf_loader_run), or `load` without --file to push "
                        + "ontology/ and data/");
        if (!Files.isRegularFile(file)) {
            throw new DataLoadException(file + ": file not found");
        }
        DatasetGraph dsg = store.dataset();
        Txn.executeWrite(dsg, () -> {
            for (Node g : new Node[] {Graphs.ONTOLOGY, Graphs.DATA, Graphs.INFERRED, Graphs.META}) {
                dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
            }
            for (SourceFiles.SourceFile f : SourceFiles.scan(
                            props.store().ontology(), props.store().data(), List.of())
                    .files()) {
                if (f.graph().equals(Graphs.ONTOLOGY)) {
                    StrictParser.parseInto(dsg, f);
                }
            }
        });

        MonitorOutput output = (fmt, args) -> progress.accept(String.format(fmt, args));
        org.apache.jena.tdb2.loader.DataLoader loader = plan.plan == null
                ? LoaderFactory.basicLoader(dsg, Graphs.DATA, output)
                : LoaderFactory.createLoader(plan.plan, dsg, Graphs.DATA, output);
        long t0 = System.nanoTime();
        loader.startBulk();
        try {
            loader.load(file.toString());
            loader.finishBulk();
        } catch (RuntimeException e) {
            loader.finishException(e);
            throw new DataLoadException(file + ": " + e.getMessage(), e);
        }
        Duration loadTime = Duration.ofNanos(System.nanoTime() - t0);
        long fileTriples = loader.countTriples() + loader.countQuads();
        progress.accept(String.format(
                Locale.ROOT,
                "Bulk load (%s): %,d triples in %.1f s, %,.0f triples/s",
                plan.name().toLowerCase(Locale.ROOT),
                fileTriples,
                loadTime.toNanos() / 1e9,
                fileTriples / Math.max(1e-9, loadTime.toNanos() / 1e9)));

        long t1 = System.nanoTime();
        long[] counts = new long[2];
        Txn.executeWrite(dsg, () -> counts[0] = materializer.run(dsg));
        Duration inference = Duration.ofNanos(System.nanoTime() - t1);
        counts[1] = LoadStage.unionTriples(store.runner(), store.catalog());
        Txn.executeWrite(dsg, () -> {
            long asserted = dsg.getGraph(Graphs.ONTOLOGY).size()
                    + dsg.getGraph(Graphs.DATA).size();
            MetaGraph.write(dsg, bulkHash(file), Instant.now(), 1, counts[1], asserted, counts[0]);
        });
        progress.accept(String.format(
                Locale.ROOT,
                "Inference: %,d triples in %.1f s (%.0f%% of the load time)",
                counts[0],
                inference.toNanos() / 1e9,
                100.0 * inference.toNanos() / Math.max(1, loadTime.toNanos())));
        long t2 = System.nanoTime();
        Path stats = StoreStatistics.write(dsg);
        progress.accept(String.format(
                Locale.ROOT, "Optimizer statistics: %s in %.1f s", stats, (System.nanoTime() - t2) / 1e9));
        LOG.info("Bulk-loaded {}: {} triples, {} inferred, {} in the union", file, fileTriples, counts[0], counts[1]);
        return new Report(fileTriples, loadTime, counts[0], inference, counts[1]);
    }

    /** The data hash a bulk load records: the file's name, size and time, not its contents (too big to hash). */
    private static String bulkHash(Path file) {
        try {
            return "bulk:" + file.getFileName() + ":" + Files.size(file) + ":"
                    + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
