package org.cikg.store.load;

import org.cikg.config.CommandContext;
import org.cikg.problem.DataLoadException;
import org.cikg.store.KnowledgeStore;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar cikg.jar load [--kg.store.location=...]}: reloads {@code ontology/} and {@code data/} into the
 * store (even if unchanged), prints progress, exits 0 on success and 1 with the file and line on bad data. The
 * service must not be running on the same store (TDB2 allows one JVM); a running service reloads with
 * {@code POST /admin/reload}.
 *
 * <p>{@code load --file BIG.nt.gz [--loader parallel|phased|sequential|basic]} instead bulk-loads one big file
 * with TDB2's loader (see {@link BulkLoader}); start the service over such a store with
 * {@code --kg.store.load-on-start=false}.
 */
public final class LoadCommand {
    private LoadCommand() {}

    /** Runs the command; {@code context} opens the application context it works in. */
    public static int run(String[] args, CommandContext context) {
        java.util.List<String> springArgs = new java.util.ArrayList<>();
        String bulkFile = null;
        String plan = "parallel";
        for (int i = 1; i < args.length; i++) {
            if ("--file".equals(args[i]) && i + 1 < args.length) {
                bulkFile = args[++i];
            } else if ("--loader".equals(args[i]) && i + 1 < args.length) {
                plan = args[++i];
            } else {
                springArgs.add(args[i]);
            }
        }
        try (ConfigurableApplicationContext ctx = context.open(springArgs)) {
            if (bulkFile != null) {
                BulkLoader bulk = new BulkLoader(
                        ctx.getBean(KnowledgeStore.class),
                        ctx.getBean(org.cikg.config.KgProperties.class),
                        System.out::println);
                BulkLoader.Report b = bulk.load(java.nio.file.Path.of(bulkFile), BulkLoader.Plan.of(plan));
                System.out.printf(
                        "Bulk-loaded %s: %d triples (%d triples/s) + %d inferred (%d ms) = %d triples%n",
                        bulkFile,
                        b.fileTriples(),
                        Math.round(b.loadTriplesPerSecond()),
                        b.inferred(),
                        b.inference().toMillis(),
                        b.total());
                // Announced like any load, so what derives from the data (the search index, kept on disk in the
                // store's folder) is built now, not by the first start of the service.
                long t0 = System.nanoTime();
                KnowledgeStore.StoreStatus s = ctx.getBean(KnowledgeStore.class).status();
                ctx.publishEvent(new StoreLoaded(new LoadReport(
                        true,
                        1,
                        s.asserted(),
                        s.inferred(),
                        s.triples(),
                        s.hash(),
                        s.loadedAt(),
                        b.load().plus(b.inference()))));
                System.out.printf("Search index built in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
                return 0;
            }
            LoadReport r = ctx.getBean(DataLoader.class).load(true);
            System.out.printf(
                    "Loaded %d files: %d asserted + %d inferred = %d triples in %d ms (%d triples/s)%n",
                    r.files(),
                    r.assertedTriples(),
                    r.inferredTriples(),
                    r.totalTriples(),
                    r.elapsed().toMillis(),
                    Math.round(r.triplesPerSecond()));
            r.findings().forEach(System.out::println);
            return 0;
        } catch (RuntimeException e) {
            Throwable t = e;
            while (t.getCause() != null && !(t instanceof DataLoadException)) {
                t = t.getCause();
            }
            System.err.println("Load failed: " + t.getMessage());
            return 1;
        }
    }
}
