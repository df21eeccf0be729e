package org.cikg;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The China Innovation Knowledge Graph service: a TDB2 store, embedded Fuseki SPARQL endpoints and a Spring facade
 * in one JVM over one dataset.
 *
 * <p>{@code java -jar cikg.jar} runs the service; {@code java -jar cikg.jar load} (re)loads {@code ontology/} and
 * {@code data/} into the store and exits, printing progress; {@code java -jar cikg.jar coverage} writes the coverage
 * report to {@code docs/coverage.md}; {@code add-source} and {@code accept-sheet} add a source article (see
 * {@link org.cikg.curation.CurationCommand}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CikgApplication {

    public static void main(String[] args) {
        if (args.length > 0 && ("load".equals(args[0]) || "reload".equals(args[0]))) {
            System.exit(org.cikg.store.LoadCommand.run(args));
        }
        if (args.length > 0 && "coverage".equals(args[0])) {
            System.exit(org.cikg.coverage.CoverageCommand.run(args));
        }
        if (args.length > 0 && ("add-source".equals(args[0]) || "accept-sheet".equals(args[0]))) {
            System.exit(org.cikg.curation.CurationCommand.run(args));
        }
        SpringApplication.run(CikgApplication.class, args);
    }
}
