package org.cikg.store;

import org.cikg.CikgApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar cikg.jar load [--kg.store.location=...]}: reloads {@code ontology/} and {@code data/} into the
 * store (even if unchanged), prints progress, exits 0 on success and 1 with the file and line on bad data. The
 * service must not be running on the same store (TDB2 allows one JVM); a running service reloads with
 * {@code POST /admin/reload}.
 */
public final class LoadCommand {
    private LoadCommand() {
    }

    public static int run(String[] args) {
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CikgApplication.class)
                .web(WebApplicationType.NONE)
                .properties("kg.fuseki.enabled=false", "kg.store.load-on-start=false")
                .run(rest)) {
            LoadReport r = ctx.getBean(DataLoader.class).load(true);
            System.out.printf("Loaded %d files: %d asserted + %d inferred = %d triples in %d ms (%d triples/s)%n",
                    r.files(), r.assertedTriples(), r.inferredTriples(), r.totalTriples(), r.elapsed().toMillis(),
                    Math.round(r.triplesPerSecond()));
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
