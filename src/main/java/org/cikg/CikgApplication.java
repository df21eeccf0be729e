package org.cikg;

import java.util.ArrayList;
import java.util.List;
import org.cikg.coverage.CoverageCommand;
import org.cikg.curation.CurationCommand;
import org.cikg.store.backup.BackupCommand;
import org.cikg.store.load.LoadCommand;
import org.cikg.synth.GenerateCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

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
 *   <li>{@code backup} and {@code restore FILE} (see {@link org.cikg.store.backup.BackupCommand});</li>
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
            case "load", "reload" -> System.exit(LoadCommand.run(args, CikgApplication::commandContext));
            case "coverage" -> System.exit(CoverageCommand.run(args, CikgApplication::commandContext));
            case "generate" -> System.exit(GenerateCommand.run(args));
            case "backup", "restore" -> System.exit(BackupCommand.run(args, CikgApplication::commandContext));
            case "add-source", "accept-sheet" -> System.exit(CurationCommand.run(args));
            default -> SpringApplication.run(CikgApplication.class, args);
        }
    }

    /**
     * The application context a command runs in ({@link org.cikg.config.CommandContext}, handed to each command):
     * no web server, no Fuseki endpoints, no load at start-up. The two
     * settings go in as command-line arguments, not default properties, which {@code application.properties} would
     * override (a command would then start Fuseki on 3030 next to a running service).
     */
    public static ConfigurableApplicationContext commandContext(List<String> springArgs) {
        List<String> all = new ArrayList<>(List.of("--kg.fuseki.enabled=false", "--kg.store.load-on-start=false"));
        all.addAll(springArgs);
        return new SpringApplicationBuilder(CikgApplication.class)
                .web(WebApplicationType.NONE)
                .run(all.toArray(String[]::new));
    }
}
