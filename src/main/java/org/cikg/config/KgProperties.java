package org.cikg.config;

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
public record KgProperties(
        @DefaultValue Store store,
        @DefaultValue Sparql sparql,
        @DefaultValue Fuseki fuseki,
        @DefaultValue Admin admin) {

    /**
     * @param location TDB2 folder (created if missing)
     * @param ontology folder of OWL/SHACL Turtle files, loaded into the ontology graph
     * @param data     folder of curated RDF, loaded into the data graph
     * @param mode     {@code embedded} (TDB2 in this JVM, the default) or {@code remote} (a SPARQL 1.1 store over
     *                 HTTP; the settings below apply to remote mode only)
     * @param queryEndpoint  the remote SPARQL 1.1 Query endpoint (required in remote mode)
     * @param updateEndpoint the remote SPARQL 1.1 Update endpoint (required to load): a load switches its staging
     *                       graphs in with one request there, and sends the triples there too when there is no
     *                       Graph Store endpoint
     * @param gspEndpoint    the remote Graph Store Protocol endpoint: loads PUT each staging graph there
     * @param user           user for the remote store's HTTP Basic or Digest challenge (empty: no credentials)
     * @param password       its password
     * @param connectTimeout limit for opening a connection, and for waiting for a free one
     * @param readTimeout    limit for the remote store's answer to one request
     * @param maxConnections most requests in flight to the remote store at once (more wait up to connectTimeout,
     *                       then get 503)
     * @param batchTriples   triples per Graph Store request when a load pushes a large graph
     * @param publicQueryEndpoint the store's query endpoint as pages, the workbench and VoID name it to clients
     *                       (empty: {@code queryEndpoint}); {@code none} names none (for a store only the service
     *                       may reach)
     * @param changePoll     remote mode: how often the service reads the store's meta graph to notice a load made by
     *                       another process (a {@code load} command, another replica's writer); caches and the
     *                       search index follow within this interval. {@code 0s} turns it off
     * @param gazetteer      how much of the official gazetteer of China's administrative divisions is loaded with
     *                       {@code data}: {@code counties} (provinces, prefecture- and county-level divisions, the
     *                       default), {@code townships} (also the 41,352 township-level divisions) or {@code none}
     * @param gazetteerFolder folder of the generated gazetteer files ({@code counties.ttl}, {@code townships.ttl.gz})
     */
    public record Store(
            @DefaultValue("kg-store") Path location,
            @DefaultValue("ontology") Path ontology,
            @DefaultValue("data") Path data,
            @DefaultValue("embedded") Mode mode,
            @DefaultValue("") String queryEndpoint,
            @DefaultValue("") String updateEndpoint,
            @DefaultValue("") String gspEndpoint,
            @DefaultValue("") String user,
            @DefaultValue("") String password,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("30s") Duration readTimeout,
            @DefaultValue("16") int maxConnections,
            @DefaultValue("50000") int batchTriples,
            @DefaultValue("") String publicQueryEndpoint,
            @DefaultValue("30s") Duration changePoll,
            @DefaultValue("counties") Gazetteer gazetteer,
            @DefaultValue("gazetteer") Path gazetteerFolder) {
        @org.springframework.boot.context.properties.bind.ConstructorBinding
        public Store {}

        /** Settings without the gazetteer (tests over fixtures). */
        public Store(
                Path location,
                Path ontology,
                Path data,
                Mode mode,
                String queryEndpoint,
                String updateEndpoint,
                String gspEndpoint,
                String user,
                String password,
                Duration connectTimeout,
                Duration readTimeout,
                int maxConnections,
                int batchTriples,
                String publicQueryEndpoint,
                Duration changePoll) {
            this(
                    location,
                    ontology,
                    data,
                    mode,
                    queryEndpoint,
                    updateEndpoint,
                    gspEndpoint,
                    user,
                    password,
                    connectTimeout,
                    readTimeout,
                    maxConnections,
                    batchTriples,
                    publicQueryEndpoint,
                    changePoll,
                    Gazetteer.NONE,
                    Path.of("gazetteer"));
        }

        /** An embedded store of {@code ontology} and {@code data} only, without the gazetteer. */
        public Store(Path location, Path ontology, Path data) {
            this(
                    location,
                    ontology,
                    data,
                    Mode.EMBEDDED,
                    "",
                    "",
                    "",
                    "",
                    "",
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(30),
                    16,
                    50000,
                    "",
                    Duration.ofSeconds(30));
        }

        /** The same settings with another gazetteer level. */
        public Store withGazetteer(Gazetteer level) {
            return new Store(
                    location,
                    ontology,
                    data,
                    mode,
                    queryEndpoint,
                    updateEndpoint,
                    gspEndpoint,
                    user,
                    password,
                    connectTimeout,
                    readTimeout,
                    maxConnections,
                    batchTriples,
                    publicQueryEndpoint,
                    changePoll,
                    level,
                    gazetteerFolder);
        }

        /** The gazetteer files this level loads, in load order (none for {@link Gazetteer#NONE}). */
        public java.util.List<Path> gazetteerFiles() {
            return switch (gazetteer) {
                case NONE -> java.util.List.of();
                case COUNTIES -> java.util.List.of(gazetteerFolder.resolve("counties.ttl"));
                case TOWNSHIPS ->
                    java.util.List.of(
                            gazetteerFolder.resolve("counties.ttl"), gazetteerFolder.resolve("townships.ttl.gz"));
            };
        }

        public boolean isRemote() {
            return mode == Mode.REMOTE;
        }
    }

    /** How much of the gazetteer loads: {@code kg.store.gazetteer=none|counties|townships}. */
    public enum Gazetteer {
        NONE,
        COUNTIES,
        TOWNSHIPS
    }

    /** Where the triples live: {@code kg.store.mode=embedded|remote}. */
    public enum Mode {
        EMBEDDED,
        REMOTE
    }

    /**
     * @param timeout        the limit for every query, on the endpoints and in the facade; a client can only lower it
     * @param queries        the folder of named {@code .rq} files
     * @param spillThreshold rows an {@code ORDER BY} or {@code DISTINCT} keeps in memory before it spills them to
     *                       temporary files (ARQ's {@code spillToDiskThreshold})
     * @param regexMaxLength longest regular expression pattern ({@code REGEX}, {@code REPLACE}, ...) a query may use,
     *                       in characters
     * @param maxConcurrent  most client queries running at once (SPARQL endpoints and {@code POST /api/graph}); more
     *                       get 503 at once
     * @param maxConcurrentPerClient most of those from one client address
     */
    public record Sparql(
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("queries") Path queries,
            @DefaultValue("50000") long spillThreshold,
            @DefaultValue("1000") int regexMaxLength,
            @DefaultValue("8") int maxConcurrent,
            @DefaultValue("2") int maxConcurrentPerClient) {
        @org.springframework.boot.context.properties.bind.ConstructorBinding
        public Sparql {}

        /** The defaults for everything but the timeout and the catalogue folder. */
        public Sparql(Duration timeout, Path queries) {
            this(timeout, queries, 50_000, 1000, 8, 2);
        }

        /** As above, with these spill threshold and pattern cap. */
        public Sparql(Duration timeout, Path queries, long spillThreshold, int regexMaxLength) {
            this(timeout, queries, spillThreshold, regexMaxLength, 8, 2);
        }
    }

    /**
     * @param enabled whether the SPARQL endpoints run
     * @param port    their port; 0 picks a free one
     * @param address the address they listen on: loopback by default; {@code 0.0.0.0} opens them to every interface
     *                (put TLS in front: docs/security.md)
     */
    public record Fuseki(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("3030") int port,
            @DefaultValue("127.0.0.1") String address) {
        @org.springframework.boot.context.properties.bind.ConstructorBinding
        public Fuseki {}

        /** On loopback. */
        public Fuseki(boolean enabled, int port) {
            this(enabled, port, "127.0.0.1");
        }
    }

    /**
     * @param user     the admin user name
     * @param password the admin password; empty means no writes, no update endpoint, no reload over HTTP
     */
    public record Admin(
            @DefaultValue("admin") String user,
            @DefaultValue("") String password) {
        public boolean enabled() {
            return password != null && !password.isBlank();
        }
    }

    public List<Path> sourceFolders() {
        return List.of(store.ontology(), store.data());
    }
}
