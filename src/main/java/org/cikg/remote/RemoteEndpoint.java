package org.cikg.remote;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.http.auth.AuthEnv;
import org.apache.jena.query.QueryException;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.cikg.config.KgProperties;
import org.cikg.problem.StoreRefusedException;
import org.cikg.problem.StoreUnavailableException;

/**
 * The connection to a remote store: one {@link HttpClient} (connect timeout, a fixed pool of
 * daemon threads), credentials for the store's HTTP Basic or Digest challenge (Jena's {@link AuthEnv}, by endpoint
 * URL) and a semaphore that bounds the requests in flight to {@code kg.store.max-connections}. A request
 * that finds no free slot within the connect timeout, or whose connection fails or times out, or that the store
 * answers with 5xx, ends as {@link StoreUnavailableException}; nothing is retried here, so a slow store cannot pile up
 * threads, and the first request after the store returns succeeds.
 */
public final class RemoteEndpoint implements AutoCloseable {
    private final KgProperties.Store config;
    private final HttpClient http;
    private final ExecutorService threads;
    private final Semaphore slots;

    public RemoteEndpoint(KgProperties.Store config) {
        if (config.queryEndpoint() == null || config.queryEndpoint().isBlank()) {
            throw new IllegalStateException("kg.store.mode=remote needs kg.store.query-endpoint");
        }
        this.config = config;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(Math.max(2, config.maxConnections()), r -> {
            Thread t = new Thread(r, "remote-store-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        HttpClient.Builder b = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .executor(threads);
        if (!config.user().isBlank()) {
            // Jena answers the store's 401 challenge, Basic (Fuseki behind Shiro or a proxy) or Digest (Virtuoso's
            // /sparql-auth and /sparql-graph-crud-auth), from this registry of credentials by endpoint URL.
            for (String url : endpoints(config)) {
                AuthEnv.get().registerUsernamePassword(URI.create(url), config.user(), config.password());
            }
        }
        this.http = b.build();
        this.slots = new Semaphore(Math.max(1, config.maxConnections()), true);
    }

    public HttpClient http() {
        return http;
    }

    public KgProperties.Store config() {
        return config;
    }

    public Duration readTimeout() {
        return config.readTimeout();
    }

    /** Runs one request to the store in a bounded slot, turning connection faults into 503s. */
    public <T> T call(String what, Supplier<T> request) {
        boolean got;
        try {
            got = slots.tryAcquire(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while waiting for the store", e);
        }
        if (!got) {
            throw new StoreUnavailableException(
                    "The SPARQL store at " + config.queryEndpoint() + " did not answer ("
                            + what + "): all " + config.maxConnections() + " connections to it stayed busy for "
                            + config.connectTimeout().toMillis() + " ms. Try again shortly.",
                    null);
        }
        try {
            return request.get();
        } catch (RuntimeException e) {
            if (isConnectionFault(e)) {
                throw new StoreUnavailableException(
                        "The SPARQL store at " + config.queryEndpoint() + " did not answer (" + what + "): "
                                + describe(e) + ". Try again shortly.",
                        e);
            }
            int status = refusal(e);
            if (status > 0) {
                throw new StoreRefusedException(
                        "The SPARQL store at " + config.queryEndpoint() + " refused the "
                                + "service's request (" + what + ") with HTTP " + status
                                + "; the operator has the details "
                                + "in the service's log.",
                        e);
            }
            throw e;
        } finally {
            slots.release();
        }
    }

    /** The 4xx status the store answered with, or 0 when the failure was not such an answer. */
    static int refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            int status = t instanceof QueryExceptionHTTP q
                    ? q.getStatusCode()
                    : t instanceof HttpException h ? h.getStatusCode() : 0;
            if (status >= 400 && status < 500) {
                return status;
            }
        }
        return 0;
    }

    /** Connection refused or reset, a timeout, or a 5xx from the store (including a proxy's 502/503/504). */
    static boolean isConnectionFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
            if (t instanceof QueryExceptionHTTP q && (q.getStatusCode() <= 0 || q.getStatusCode() >= 500)) {
                return true;
            }
            if (t instanceof HttpException h && (h.getStatusCode() <= 0 || h.getStatusCode() >= 500)) {
                return true;
            }
            if (t instanceof QueryException
                    && t.getCause() == null
                    && t.getMessage() != null
                    && t.getMessage().contains("timed out")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        boolean timedOut = false;
        boolean refused = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            timedOut |= t instanceof java.net.http.HttpTimeoutException;
            refused |= t instanceof java.net.ConnectException || t instanceof java.nio.channels.ClosedChannelException;
        }
        String kind = timedOut
                ? "no answer within the timeout"
                : refused ? "connection refused or closed" : root.getClass().getSimpleName();
        return m == null || m.isBlank() ? kind : kind + " (" + m + ")";
    }

    private static List<String> endpoints(KgProperties.Store c) {
        return java.util.stream.Stream.of(c.queryEndpoint(), c.updateEndpoint(), c.gspEndpoint())
                .filter(u -> u != null && !u.isBlank())
                .distinct()
                .toList();
    }

    @Override
    public void close() {
        if (!config.user().isBlank()) {
            endpoints(config).forEach(url -> AuthEnv.get().unregisterUsernamePassword(URI.create(url)));
        }
        threads.shutdownNow();
    }
}
