package org.cikg.store.version;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cikg.config.KgProperties;
import org.cikg.problem.StoreUnavailableException;
import org.cikg.store.KnowledgeStore;
import org.cikg.store.load.DataLoader;
import org.cikg.store.load.LoadReport;
import org.cikg.store.load.StoreLoaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In remote mode, notices loads this process did not make. An embedded TDB2 store is locked to this JVM, so every
 * change passes through it ({@link DataLoader}, the endpoints' gate); a remote store can be loaded by a {@code load}
 * command in another process, or by the one writer in front of several replicas. Every
 * {@code kg.store.change-poll} this reads the store's meta graph (one small query: the data hash and load time a load
 * writes there) and, when they differ from what it saw last, announces a {@link StoreLoaded}: caches keyed by the
 * {@link DataVersion} move on and the search index is rebuilt. A store that does not answer is skipped quietly (its
 * requests already get 503); the first answer after it returns is compared as usual.
 *
 * <p>Changes made to the data graphs without a load (a hand-written SPARQL Update that leaves the meta graph alone)
 * are not noticed: the meta graph is the contract, and docs/remote-store.md says so.
 */
@Component
public class RemoteChangeWatcher implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteChangeWatcher.class);

    private final KnowledgeStore store;
    private final ApplicationEventPublisher events;
    private final Duration interval;
    private final boolean remote;
    private ScheduledExecutorService timer;
    private volatile Seen seen;

    public RemoteChangeWatcher(KnowledgeStore store, ApplicationEventPublisher events, KgProperties props) {
        this.store = store;
        this.events = events;
        this.interval = props.store().changePoll();
        this.remote = props.store().isRemote();
    }

    /** What one reading of the meta graph said. */
    private record Seen(String hash, Instant loadedAt) {}

    /** A load made by this process: remembered, so the next poll does not announce it again. */
    @EventListener
    void onLoaded(StoreLoaded event) {
        seen = new Seen(event.report().hash(), event.report().loadedAt());
    }

    /** Reads the meta graph once; announces a load when it changed since the last reading. */
    void poll() {
        KnowledgeStore.StoreStatus status;
        try {
            status = store.status();
        } catch (StoreUnavailableException e) {
            LOG.debug("Change poll skipped: {}", e.getMessage());
            return;
        }
        Seen now = new Seen(status.hash(), status.loadedAt());
        Seen before = seen;
        if (before == null) {
            seen = now;
            return;
        }
        if (!Objects.equals(before, now)) {
            LOG.info(
                    "The remote store was loaded elsewhere (data hash {}, loaded {}): caches and the search index "
                            + "follow",
                    now.hash(),
                    now.loadedAt());
            events.publishEvent(new StoreLoaded(new LoadReport(
                    true,
                    status.files(),
                    status.asserted(),
                    status.inferred(),
                    status.triples(),
                    status.hash(),
                    status.loadedAt(),
                    Duration.ZERO)));
        }
    }

    @Override
    public synchronized void start() {
        if (!remote || interval.isZero() || interval.isNegative() || timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "remote-change-poll");
            t.setDaemon(true);
            return t;
        });
        long ms = interval.toMillis();
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        poll();
                    } catch (RuntimeException e) {
                        LOG.warn("Change poll failed: {}", e.toString());
                    }
                },
                0,
                ms,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
