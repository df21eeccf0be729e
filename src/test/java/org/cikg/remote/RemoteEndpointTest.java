package org.cikg.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.NodeFactory;
import org.cikg.config.KgProperties;
import org.cikg.problem.StoreUnavailableException;
import org.cikg.sparql.QueryCatalog;
import org.junit.jupiter.api.Test;

/**
 * Connection faults of a remote store, without a store: a port nobody listens on, and a socket that accepts
 * connections but never answers. Both end as {@link StoreUnavailableException} (served as 503), the second once the
 * read timeout has passed, and a request arriving while every connection is busy is turned away the same way.
 */
class RemoteEndpointTest {
    private static final QueryCatalog CATALOG = new QueryCatalog(Path.of("queries"));

    private static KgProperties.Store remote(String endpoint, int maxConnections) {
        return new KgProperties.Store(
                Path.of("unused"),
                Path.of("ontology"),
                Path.of("data"),
                KgProperties.Mode.REMOTE,
                endpoint,
                "",
                "",
                "",
                "",
                Duration.ofMillis(500),
                Duration.ofMillis(800),
                maxConnections,
                1000,
                "",
                Duration.ZERO);
    }

    private static RemoteRunner runner(RemoteEndpoint endpoint) {
        return new RemoteRunner(
                endpoint, List.of(NodeFactory.createURI("https://w3id.org/cikg/graph/data")), Duration.ofMillis(800));
    }

    @Test
    void refusedConnectionIsStoreUnavailableNamingTheStore() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/ds/sparql";
        try (RemoteEndpoint endpoint = new RemoteEndpoint(remote(url, 2))) {
            assertThatThrownBy(() -> runner(endpoint).select(CATALOG.get("system/store-status"), Map.of()))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining(url)
                    .hasMessageContaining("did not answer");
        }
    }

    /** A store that is up but refuses our query (another dialect): 502 for the caller, not 503 and not 500. */
    @Test
    void storeAnswering4xxIsStoreRefused() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ds/sparql", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "Virtuoso 37000 Error SP030: SPARQL compiler: syntax error".getBytes();
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/ds/sparql";
        try (RemoteEndpoint endpoint = new RemoteEndpoint(remote(url, 2))) {
            assertThatThrownBy(() -> runner(endpoint).select(CATALOG.get("system/store-status"), Map.of()))
                    .isInstanceOf(org.cikg.problem.StoreRefusedException.class)
                    .hasMessageContaining(url)
                    .hasMessageContaining("HTTP 400");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void silentStoreIsStoreUnavailableAfterTheReadTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                RemoteEndpoint endpoint =
                        new RemoteEndpoint(remote("http://127.0.0.1:" + silent.getLocalPort() + "/ds/sparql", 1))) {
            assertThatThrownBy(() -> runner(endpoint)
                            .ask(
                                    CATALOG.get("system/entity-exists"),
                                    Map.of("entity", NodeFactory.createURI("https://w3id.org/cikg/id/deepseek"))))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("no answer within the timeout");
        }
    }

    @Test
    void requestFindingEveryConnectionBusyIsTurnedAway() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                RemoteEndpoint endpoint =
                        new RemoteEndpoint(remote("http://127.0.0.1:" + silent.getLocalPort() + "/ds/sparql", 1))) {
            // The holder takes the only connection and keeps it until told to let go: no timing to win.
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch letGo = new CountDownLatch(1);
            Thread holder = new Thread(() -> endpoint.call("holder", () -> {
                holding.countDown();
                try {
                    letGo.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            holder.start();
            assertThat(holding.await(30, TimeUnit.SECONDS))
                    .as("the holder got the connection")
                    .isTrue();
            try {
                assertThatThrownBy(() -> endpoint.call("second", () -> "never runs"))
                        .isInstanceOf(StoreUnavailableException.class)
                        .hasMessageContaining("connections to it stayed busy");
            } finally {
                letGo.countDown();
                holder.join();
            }
            assertThat(endpoint.call("third", () -> "runs")).isEqualTo("runs");
        }
    }

    @Test
    void remoteModeWithoutQueryEndpointRefusesToStart() {
        assertThatThrownBy(() -> new RemoteEndpoint(remote("", 2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kg.store.query-endpoint");
    }
}
