package org.cikg;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The China Innovation Knowledge Graph service: a TDB2 store, embedded Fuseki SPARQL endpoints and a Spring facade
 * in one JVM over one dataset.
 *
 * <p>{@code java -jar cikg.jar} runs the service. Commands, run instead of the service and exiting with 0 or 1:
 * <ul>
 *   <li>{@code load} (re)loads {@code ontology/} and {@code data/} into the store, printing progress;
 *       {@code load --file BIG.nt.gz} bulk-loads a big file;</li>
 *   <li>{@code coverage [FILE]} writes the coverage report ({@code docs/coverage.md});</li>
 *   <li>{@code generate --triples 1M --out synth.nt.gz} writes a synthetic graph;</li>
 *   <li>{@code backup} and {@code restore FILE} (see {@link org.cikg.store.BackupCommand});</li>
 *   <li>{@code add-source FILE --lang xx --title ...} and {@code accept-sheet SHEET} add a source article (see
 *       {@link org.cikg.curation.CurationCommand}).</li>
 * </ul>
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CikgApplication {

    public static void main(String[] args) {
        String command = args.length > 0 ? args[0] : "";
        switch (command) {
            case "load", "reload" -> System.exit(org.cikg.store.LoadCommand.run(args));
            case "coverage" -> System.exit(org.cikg.coverage.CoverageCommand.run(args));
            case "generate" -> System.exit(org.cikg.synth.GenerateCommand.run(args));
            case "backup", "restore" -> System.exit(org.cikg.store.BackupCommand.run(args));
            case "add-source", "accept-sheet" -> System.exit(org.cikg.curation.CurationCommand.run(args));
            default -> SpringApplication.run(CikgApplication.class, args);
        }
    }
}
