package org.cikg;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The China Innovation Knowledge Graph service: a TDB2 store, embedded Fuseki SPARQL endpoints and a Spring facade
 * in one JVM over one dataset.
 *
 * <p>{@code java -jar cikg.jar} runs the service; {@code java -jar cikg.jar load} (re)loads {@code ontology/} and
 * {@code data/} into the store and exits, printing progress; {@code backup} and {@code restore FILE} do what they
 * say (see {@link org.cikg.store.BackupCommand}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CikgApplication {

    public static void main(String[] args) {
        if (args.length > 0 && ("load".equals(args[0]) || "reload".equals(args[0]))) {
            System.exit(org.cikg.store.LoadCommand.run(args));
        }
        if (args.length > 0 && ("backup".equals(args[0]) || "restore".equals(args[0]))) {
            System.exit(org.cikg.store.BackupCommand.run(args));
        }
        SpringApplication.run(CikgApplication.class, args);
    }
}
