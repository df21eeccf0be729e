package org.cikg.replication;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cikg.config.KgProperties;
import org.cikg.store.KnowledgeStore;
import org.cikg.store.backup.StoreBackup;
import org.cikg.store.version.DataVersion;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The beans of each role. Nothing here exists with {@code kg.replication.role=none} (the default) but the health
 * component, which then says so.
 */
@Configuration(proxyBeanMethods = false)
class ReplicationConfig {

    static void check(ReplicationProperties props, KgProperties kg) {
        if (props.bootstrapServers().isBlank()) {
            throw new IllegalStateException(
                    "kg.replication.role=" + props.role().name().toLowerCase()
                            + " needs kg.replication.bootstrap-servers (the Kafka brokers, host:port)");
        }
        if (kg.store().isRemote()) {
            throw new IllegalStateException(
                    "kg.replication.role=" + props.role().name().toLowerCase()
                            + " works on the embedded TDB2 store, and kg.store.mode=remote");
        }
    }

    /** The writer: its store's changes are captured, published, and served as snapshots. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "kg.replication.role", havingValue = "writer")
    static class Writer {
        @Bean
        ChangeCapture changeCapture(KgProperties kg, ReplicationProperties props) {
            check(props, kg);
            return new ChangeCapture(kg, props);
        }

        @Bean
        KafkaTemplate<String, byte[]> changeLogTemplate(ReplicationProperties props) {
            Map<String, Object> config = new HashMap<>();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, props.bootstrapServers());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
            config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
            config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int)
                    Math.max(1 << 20, props.chunkSize().toBytes() + (64 << 10)));
            return new KafkaTemplate<>(
                    new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer()));
        }

        @Bean
        KafkaAdmin changeLogAdmin(ReplicationProperties props) {
            KafkaAdmin admin =
                    new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, props.bootstrapServers()));
            admin.setOperationTimeout(10);
            admin.setFatalIfBrokerNotAvailable(false);
            return admin;
        }

        /** One partition (the log's order is the changes' order), kept until deleted by hand. */
        @Bean
        NewTopic changeLogTopic(ReplicationProperties props) {
            return TopicBuilder.name(props.topic())
                    .partitions(1)
                    .replicas(props.topicReplicas())
                    .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                    .build();
        }

        @Bean
        ChangePublisher changePublisher(
                ChangeCapture capture,
                KafkaTemplate<String, byte[]> changeLogTemplate,
                KafkaAdmin changeLogAdmin,
                NewTopic changeLogTopic,
                ReplicationProperties props) {
            return new ChangePublisher(capture, changeLogTemplate, changeLogAdmin, changeLogTopic, props);
        }
    }

    /** A replica: refuses writes, follows the log. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "kg.replication.role", havingValue = "replica")
    static class Replica {
        @Bean
        ReplicaWrites replicaWrites(ReplicationProperties props, KgProperties kg) {
            check(props, kg);
            return new ReplicaWrites(props);
        }

        @Bean
        ReplicaStatus replicaStatus() {
            return new ReplicaStatus();
        }

        @Bean
        ConsumerFactory<String, byte[]> changeLogConsumers(ReplicationProperties props) {
            Map<String, Object> config = new HashMap<>();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, props.bootstrapServers());
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 16);
            config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 3_600_000);
            return new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        }

        @Bean
        SnapshotClient snapshotClient(ReplicationProperties props, KgProperties kg) {
            return new SnapshotClient(props, kg, folder(kg).resolve("incoming"));
        }

        @Bean
        ChangeApplier changeApplier(
                KnowledgeStore store,
                StoreBackup backups,
                SnapshotClient snapshots,
                KgProperties kg,
                ApplicationEventPublisher events,
                DataVersion version,
                ReplicationProperties props,
                ReplicaStatus status) {
            return new ChangeApplier(
                    store,
                    backups,
                    snapshots,
                    events,
                    version,
                    props,
                    status,
                    folder(kg).resolve("spool"));
        }

        @Bean
        ReplicaFollower replicaFollower(
                KnowledgeStore store,
                ChangeApplier applier,
                SnapshotClient snapshots,
                KgProperties kg,
                ConsumerFactory<String, byte[]> changeLogConsumers,
                ReplicationProperties props,
                ReplicaStatus status) {
            String group = props.groupId().isBlank()
                    ? "cikg-replica-"
                            + HexFormat.of()
                                    .toHexDigits(folder(kg)
                                            .toAbsolutePath()
                                            .toString()
                                            .hashCode())
                    : props.groupId();
            return new ReplicaFollower(
                    store,
                    applier,
                    snapshots,
                    changeLogConsumers,
                    props,
                    status,
                    folder(kg).resolve("spool"),
                    group);
        }

        /** A replica's own files (incoming snapshots, the spool of a change's records) inside the store's folder. */
        private static Path folder(KgProperties kg) {
            return kg.store().location().resolve("replication");
        }
    }
}
