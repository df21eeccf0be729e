package org.cikg;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of the service, under the {@code kg.} prefix. Defaults work on a fresh clone run from the project
 * root.
 *
 * @param store  where the TDB2 store lives and what is loaded into it
 * @param sparql query limits and the query catalogue folder
 * @param fuseki the embedded SPARQL server
 * @param admin  credentials for writes and reloads (none configured: the service is read-only)
 */
@ConfigurationProperties("kg")
public record KgProperties(@DefaultValue Store store, @DefaultValue Sparql sparql, @DefaultValue Fuseki fuseki,
                           @DefaultValue Admin admin) {

    /**
     * @param location TDB2 folder (created if missing)
     * @param ontology folder of OWL/SHACL Turtle files, loaded into the ontology graph
     * @param data     folder of curated RDF, loaded into the data graph
     */
    public record Store(@DefaultValue("kg-store") Path location,
                        @DefaultValue("ontology") Path ontology,
                        @DefaultValue("data") Path data) {
    }

    /**
     * @param timeout   the limit for every query, on the endpoints and in the facade
     * @param queries   the folder of named {@code .rq} files
     */
    public record Sparql(@DefaultValue("10s") Duration timeout, @DefaultValue("queries") Path queries) {
    }

    /**
     * @param enabled whether the SPARQL endpoints run
     * @param port    their port; 0 picks a free one
     */
    public record Fuseki(@DefaultValue("true") boolean enabled, @DefaultValue("3030") int port) {
    }

    /**
     * @param user     the admin user name
     * @param password the admin password; empty means no writes, no update endpoint, no reload over HTTP
     */
    public record Admin(@DefaultValue("admin") String user, @DefaultValue("") String password) {
        public boolean enabled() {
            return password != null && !password.isBlank();
        }
    }

    public List<Path> sourceFolders() {
        return List.of(store.ontology(), store.data());
    }
}
