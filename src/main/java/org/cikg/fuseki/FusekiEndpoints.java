package org.cikg.fuseki;

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
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
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
    private static final String REALM = "cikg admin";

    private final KnowledgeStore store;
    private final KgProperties props;
    private final EndpointLimits limits;
    private final ConformanceDataset conformance;
    private final DataVersion version;
    private final QueryAdmission admission;
    private final LoginThrottle throttle;
    private volatile FusekiServer server;

    public FusekiEndpoints(
            KnowledgeStore store, KgProperties props, EndpointLimits limits, ConformanceDataset conformance) {
        this(store, props, limits, conformance, new DataVersion(), new QueryAdmission(props), new LoginThrottle());
    }

    /**
     * As the service runs it: an update or Graph Store write to {@code /kg} moves the {@link DataVersion}; queries
     * share the {@link QueryAdmission} with the facade's graph export, admin logins the {@link LoginThrottle} with
     * the facade's admin calls.
     */
    @org.springframework.beans.factory.annotation.Autowired
    public FusekiEndpoints(
            KnowledgeStore store,
            KgProperties props,
            EndpointLimits limits,
            ConformanceDataset conformance,
            DataVersion version,
            QueryAdmission admission,
            LoginThrottle throttle) {
        this.throttle = throttle;
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
            LOG.info(
                    "No embedded SPARQL endpoints: the store is remote ({})",
                    props.store().queryEndpoint());
            return;
        }
        DatasetGraph scratch = conformance.enabled() ? ConformanceDataset.create(props.sparql()) : null;
        server = build(
                        store.writable(),
                        props,
                        limits,
                        scratch,
                        version::changed,
                        admission,
                        store::writeRefusal,
                        throttle)
                .start();
        LOG.info(
                "SPARQL endpoints at http://{}:{}{}/sparql (update {})",
                props.fuseki().address(),
                server.getHttpPort(),
                DATASET,
                props.admin().enabled() ? "with admin credentials" : "disabled");
    }

    /**
     * The configured server, not yet started: {@link RequestGate} in front, CORS without credentials; with a
     * {@code scratch} dataset (may be null) also served at {@link ConformanceDataset#PATH} with the same endpoints.
     */
    static FusekiServer build(DatasetGraph dataset, KgProperties props, EndpointLimits limits, DatasetGraph scratch) {
        return build(dataset, props, limits, scratch, () -> {}, new QueryAdmission(props));
    }

    /**
     * As above; {@code onWrite} runs after each successful update or Graph Store write to {@link #DATASET}, and
     * requests are admitted by {@code admission}.
     */
    static FusekiServer build(
            DatasetGraph dataset,
            KgProperties props,
            EndpointLimits limits,
            DatasetGraph scratch,
            Runnable onWrite,
            QueryAdmission admission) {
        return build(dataset, props, limits, scratch, onWrite, admission, Optional::empty, new LoginThrottle());
    }

    /**
     * As above; while {@code writeRefusal} gives a reason (a read replica), updates and Graph Store writes to
     * {@link #DATASET} are answered 409 with it, before anything runs; admin logins are slowed down by
     * {@code throttle}.
     */
    static FusekiServer build(
            DatasetGraph dataset,
            KgProperties props,
            EndpointLimits limits,
            DatasetGraph scratch,
            Runnable onWrite,
            QueryAdmission admission,
            java.util.function.Supplier<Optional<String>> writeRefusal,
            LoginThrottle throttle) {
        List<String> paths = new ArrayList<>(List.of(DATASET));
        if (scratch != null) {
            paths.add(ConformanceDataset.PATH);
        }
        FusekiServer.Builder b = FusekiServer.create()
                .port(props.fuseki().port())
                .enablePing(true)
                .addFilter("/*", new CorsFilter())
                .addFilter("/*", new RequestGate(limits, paths, props.sparql(), onWrite, admission, writeRefusal))
                // Replaces Fuseki's query operation (same content type) on every dataset and path that runs queries.
                .registerOperation(
                        Operation.Query,
                        WebContent.contentTypeSPARQLQuery,
                        new LimitedQueryService(props.sparql().timeout()))
                .registerOperation(Operation.Update, WebContent.contentTypeSPARQLUpdate, new UpdateService())
                .add(DATASET, dataset, false);
        if (scratch != null) {
            b.add(ConformanceDataset.PATH, scratch, false);
        }
        KgProperties.Admin admin = props.admin();
        if (admin.enabled()) {
            AuthPolicy adminOnly = Auth.policyAllowSpecific(admin.user());
            b.securityHandler(AdminAuthenticator.securityHandler(admin, REALM, throttle))
                    .auth(AuthScheme.BASIC)
                    .realm(REALM);
            for (String path : paths) {
                b.addEndpoint(path, "update", Operation.Update, adminOnly)
                        .addEndpoint(path, "data", Operation.GSP_RW, adminOnly);
            }
        }
        FusekiServer server = b.build();
        listenOn(server, props.fuseki().address());
        server.getJettyServer().setErrorHandler(new ProblemErrorHandler());
        return server;
    }

    /** Binds the server's connectors to {@code address} (Fuseki's builder offers only "localhost or all"). */
    private static void listenOn(FusekiServer server, String address) {
        for (Connector c : server.getJettyServer().getConnectors()) {
            if (c instanceof ServerConnector sc) {
                sc.setHost(address);
            }
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
