package org.cikg.fuseki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.auth.AuthPolicy;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.core.DatasetGraph;
import org.cikg.config.KgProperties;
import org.cikg.sparql.QueryAdmission;
import org.cikg.store.KnowledgeStore;
import org.cikg.store.version.DataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs Fuseki on {@code kg.fuseki.port} (0: any free port) with the dataset {@code /kg}:
 * <ul>
 *   <li>{@code /kg/sparql}, {@code /kg/query}: SPARQL 1.1 Query, GET and POST, results by {@code Accept};</li>
 *   <li>{@code /kg/get}: Graph Store Protocol, read;</li>
 *   <li>{@code /kg/update}, {@code /kg/data}: SPARQL Update and Graph Store write, only with
 *       {@code kg.admin.password} set, and only with HTTP basic auth as {@code kg.admin.user}.</li>
 * </ul>
 * The dataset's context (set by {@link KnowledgeStore}) carries the query timeout and disables {@code SERVICE};
 * {@link RequestGate} enforces {@link EndpointLimits} and refuses {@code LOAD}, path variants and unservable
 * {@code Accept} headers before Jena parses anything. CORS allows any origin, without credentials, so browser
 * tools can query. With {@code kg.conformance.enabled=true} the same server also serves a scratch in-memory
 * dataset, {@link ConformanceDataset#PATH}, with the same endpoints, gate and authentication (for the W3C run).
 */
@Component
public class FusekiEndpoints implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(FusekiEndpoints.class);
    public static final String DATASET = "/kg";

    private final KnowledgeStore store;
    private final KgProperties props;
    private final EndpointLimits limits;
    private final ConformanceDataset conformance;
    private final DataVersion version;
    private final QueryAdmission admission;
    private volatile FusekiServer server;

    public FusekiEndpoints(KnowledgeStore store, KgProperties props, EndpointLimits limits,
                           ConformanceDataset conformance) {
        this(store, props, limits, conformance, new DataVersion(), new QueryAdmission(props));
    }

    /**
     * As the service runs it: an update or Graph Store write to {@code /kg} moves the {@link DataVersion}; queries
     * share the {@link QueryAdmission} with the facade's graph export.
     */
    @org.springframework.beans.factory.annotation.Autowired
    public FusekiEndpoints(KnowledgeStore store, KgProperties props, EndpointLimits limits,
                           ConformanceDataset conformance, DataVersion version, QueryAdmission admission) {
        this.store = store;
        this.props = props;
        this.limits = limits;
        this.conformance = conformance;
        this.version = version;
        this.admission = admission;
    }

    @Override
    public void start() {
        if (!props.fuseki().enabled()) {
            LOG.info("Fuseki endpoints disabled (kg.fuseki.enabled=false)");
            return;
        }
        if (props.store().isRemote()) {
            LOG.info("No embedded SPARQL endpoints: the store is remote ({})", props.store().queryEndpoint());
            return;
        }
        DatasetGraph scratch = conformance.enabled()
                ? ConformanceDataset.create(props.sparql()) : null;
        server = build(store.dataset(), props, limits, scratch, version::changed, admission).start();
        LOG.info("SPARQL endpoints at http://localhost:{}{}/sparql (update {})", server.getHttpPort(), DATASET,
                props.admin().enabled() ? "with admin credentials" : "disabled");
    }

    /**
     * The configured server, not yet started: {@link RequestGate} in front, CORS without credentials; with a
     * {@code scratch} dataset (may be null) also served at {@link ConformanceDataset#PATH} with the same endpoints.
     */
    static FusekiServer build(DatasetGraph dataset, KgProperties props, EndpointLimits limits,
                              DatasetGraph scratch) {
        return build(dataset, props, limits, scratch, () -> { }, new QueryAdmission(props));
    }

    /**
     * As above; {@code onWrite} runs after each successful update or Graph Store write to {@link #DATASET}, and
     * requests are admitted by {@code admission}.
     */
    static FusekiServer build(DatasetGraph dataset, KgProperties props, EndpointLimits limits,
                              DatasetGraph scratch, Runnable onWrite, QueryAdmission admission) {
        List<String> paths = new ArrayList<>(List.of(DATASET));
        if (scratch != null) {
            paths.add(ConformanceDataset.PATH);
        }
        FusekiServer.Builder b = FusekiServer.create()
                .port(props.fuseki().port())
                .enableCors(true, writeCorsFile().toString())
                .enablePing(true)
                .addFilter("/*", new RequestGate(limits, paths, props.sparql(), onWrite, admission))
                // Replaces Fuseki's query operation (same content type) on every dataset and path that runs queries.
                .registerOperation(Operation.Query, WebContent.contentTypeSPARQLQuery,
                        new LimitedQueryService(props.sparql().timeout()))
                .add(DATASET, dataset, false);
        if (scratch != null) {
            b.add(ConformanceDataset.PATH, scratch, false);
        }
        KgProperties.Admin admin = props.admin();
        if (admin.enabled()) {
            AuthPolicy adminOnly = Auth.policyAllowSpecific(admin.user());
            b.passwordFile(writePasswordFile(admin).toString())
                    .auth(AuthScheme.BASIC)
                    .realm("cikg admin");
            for (String path : paths) {
                b.addEndpoint(path, "update", Operation.Update, adminOnly)
                        .addEndpoint(path, "data", Operation.GSP_RW, adminOnly);
            }
        }
        return b.build();
    }

    /**
     * Fuseki's CORS filter defaults to {@code Access-Control-Allow-Credentials: true}; this configuration allows
     * any origin to read with GET/POST (and preflight), never with the browser's credentials.
     */
    private static Path writeCorsFile() {
        try {
            Path file = Files.createTempFile("cikg-cors", ".properties");
            file.toFile().deleteOnExit();
            Files.writeString(file, """
                    allowedOrigins=*
                    allowedMethods=GET,POST,OPTIONS
                    allowedHeaders=X-Requested-With,Content-Type,Accept,Origin
                    exposedHeaders=Cache-Control,Content-Language,Content-Length,Content-Type,Expires,Last-Modified
                    allowCredentials=false
                    chainPreflight=false
                    """);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jetty's realm file; written with owner-only permissions into a temp file removed at exit. */
    private static Path writePasswordFile(KgProperties.Admin admin) {
        try {
            Path file = Files.createTempFile("cikg-realm", ".properties",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            file.toFile().deleteOnExit();
            Files.writeString(file, admin.user() + ": " + admin.password() + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /**
     * The URL of the {@code /kg} dataset as a client that reached the facade at {@code serverName} sees it
     * ({@code http://host:3030/kg}); empty when the embedded endpoints do not run (remote mode, or
     * {@code kg.fuseki.enabled=false}).
     */
    public Optional<String> datasetUrl(String serverName) {
        int p = port();
        return p < 0 ? Optional.empty() : Optional.of("http://" + serverName + ":" + p + DATASET);
    }

    /**
     * The SPARQL query endpoint to name to a client that reached the facade at {@code serverName}, the one place
     * pages, the workbench and the dataset descriptions get it from: the embedded {@code /kg/sparql}; in remote mode
     * {@code kg.store.public-query-endpoint}, else {@code kg.store.query-endpoint}; empty when there is none to name
     * (embedded endpoints disabled, or {@code kg.store.public-query-endpoint=none}): the links are left out.
     */
    public Optional<String> queryEndpoint(String serverName) {
        if (props.store().isRemote()) {
            String pub = props.store().publicQueryEndpoint();
            if ("none".equals(pub)) {
                return Optional.empty();
            }
            return Optional.of(pub.isBlank() ? props.store().queryEndpoint() : pub);
        }
        return datasetUrl(serverName).map(d -> d + "/sparql");
    }

    /** The port Fuseki listens on; -1 when not running. */
    public int port() {
        FusekiServer s = server;
        return s == null ? -1 : s.getHttpPort();
    }
}
