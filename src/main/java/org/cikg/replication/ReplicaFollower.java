package org.cikg.replication;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.cikg.store.KnowledgeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Keeps a replica following the log. At start (in the background, so the service answers health checks meanwhile):
 * a store that holds no change yet is restored from {@code kg.replication.bootstrap-from} or else from the writer's
 * current snapshot (retried until the writer answers); then a
 * Spring for Apache Kafka listener container reads partition 0 of the topic from the record after the stored offset
 * and hands each record to {@link ChangeApplier}; its error handler delivers a failed record again every
 * {@code kg.replication.retry}, without end (nothing is skipped). Once a second the log's end offset is read
 * (Kafka's admin client), for the lag the health check reports.
 */
final class ReplicaFollower implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaFollower.class);

    private final KnowledgeStore store;
    private final ChangeApplier applier;
    private final SnapshotClient snapshots;
    private final ConsumerFactory<String, byte[]> consumers;
    private final ReplicationProperties props;
    private final ReplicaStatus status;
    private final Path spool;
    private final String groupId;
    private volatile KafkaMessageListenerContainer<String, byte[]> container;
    private volatile ScheduledExecutorService probe;
    private volatile Admin admin;
    private volatile Thread starting;
    private volatile boolean running;

    ReplicaFollower(
            KnowledgeStore store,
            ChangeApplier applier,
            SnapshotClient snapshots,
            ConsumerFactory<String, byte[]> consumers,
            ReplicationProperties props,
            ReplicaStatus status,
            Path spool,
            String groupId) {
        this.store = store;
        this.applier = applier;
        this.snapshots = snapshots;
        this.consumers = consumers;
        this.props = props;
        this.status = status;
        this.spool = spool;
        this.groupId = groupId;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        starting = new Thread(this::follow, "replica-start");
        starting.setDaemon(true);
        starting.start();
    }

    private void follow() {
        SpoolFiles.deleteFolder(spool);
        LogPosition.Position p = LogPosition.readCommitted(store.dataset());
        String how = "resumed at change " + p.sequence() + " (log offset " + p.offset() + ")";
        if (p.sequence() == 0 && !props.bootstrapFrom().isBlank()) {
            Path file = Path.of(props.bootstrapFrom());
            status.bootstrapping("restoring " + file);
            p = applier.bootstrap(file, false);
            how = "bootstrapped from " + file.getFileName() + " at change " + p.sequence() + " (log offset "
                    + p.offset() + ")";
        } else if (p.sequence() == 0 && snapshots.configured()) {
            status.bootstrapping("fetching the writer's snapshot from " + props.writerUrl());
            while (running) {
                try {
                    p = applier.bootstrap();
                    how = "bootstrapped from the writer's snapshot at change " + p.sequence() + " (log offset "
                            + p.offset() + ")";
                    break;
                } catch (RuntimeException e) {
                    status.bootstrapping("waiting for the writer's snapshot: " + e.getMessage());
                    LOG.warn("No snapshot from the writer yet ({}); trying again in {}", e.getMessage(), props.retry());
                    if (!sleep(props.retry().toMillis())) {
                        return;
                    }
                }
            }
        } else if (p.sequence() == 0) {
            how = "started empty, reading the log from its beginning";
        }
        synchronized (this) {
            if (!running) {
                return;
            }
            status.started(p, how);
            LOG.info("Replica {}; following {} from offset {}", how, props.topic(), p.offset() + 1);
            ContainerProperties cp =
                    new ContainerProperties(new TopicPartitionOffset(props.topic(), 0, p.offset() + 1));
            cp.setGroupId(groupId);
            cp.setMessageListener(applier);
            cp.setAckMode(ContainerProperties.AckMode.RECORD);
            // A change being applied when the service stops is finished (up to a minute) before the store closes;
            // past that the store closes under it, the transaction never commits and the change is applied again at
            // the next start.
            cp.setShutdownTimeout(60_000);
            KafkaMessageListenerContainer<String, byte[]> c = new KafkaMessageListenerContainer<>(consumers, cp);
            c.setCommonErrorHandler(new DefaultErrorHandler(
                    new FixedBackOff(Math.max(100, props.retry().toMillis()), FixedBackOff.UNLIMITED_ATTEMPTS)));
            c.setBeanName("replica-" + props.topic());
            c.start();
            container = c;
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    props.bootstrapServers(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    3000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                    3000));
            probe = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "replica-lag");
                t.setDaemon(true);
                return t;
            });
            probe.scheduleWithFixedDelay(this::readLogEnd, 0, 1, TimeUnit.SECONDS);
        }
    }

    private void readLogEnd() {
        TopicPartition tp = new TopicPartition(props.topic(), 0);
        try {
            long end = admin.listOffsets(Map.of(tp, OffsetSpec.latest()))
                    .partitionResult(tp)
                    .get(3, TimeUnit.SECONDS)
                    .offset();
            status.logEnd(end);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            status.brokerUnreachable(e.getCause() != null ? e.getCause().toString() : e.toString());
        }
    }

    private boolean sleep(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (starting != null) {
            starting.interrupt();
        }
        if (probe != null) {
            probe.shutdownNow();
            probe = null;
        }
        if (container != null) {
            container.stop();
            container = null;
        }
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
            admin = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
