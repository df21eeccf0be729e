package org.cikg.replication;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of a replicated set-up, under {@code kg.replication.}: one writer and any number of read replicas
 * sharing one Kafka topic.
 *
 * @param role             {@code none} (a single service, the default), {@code writer} or {@code replica}
 * @param bootstrapServers the Kafka brokers ({@code host:port,...}); required for a writer and a replica
 * @param topic            the change log's topic (one partition; the writer creates it when missing)
 * @param writerUrl        a replica: the writer's facade ({@code http://host:8080}), where it fetches snapshots (with
 *                         {@code kg.admin.user}/{@code kg.admin.password}) and which its 409 refusals name
 * @param bootstrapFrom    a replica whose store is empty: a backup of the writer's store to start from (a
 *                         {@code kg-backup-*.nq.gz} with its {@code .sha256}; it records its change and log offset)
 *                         instead of the writer's current snapshot
 * @param maxLag           a replica behind the log for longer than this reports DOWN in the readiness group
 * @param chunkSize        largest record value; a larger change is published as several records
 * @param retry            how long a writer waits before publishing again after the broker failed, and a replica
 *                         before applying a record again after a failure
 * @param topicReplicas    replication factor of the topic when the writer creates it
 * @param keepSnapshots    snapshots the writer keeps of each kind (older ones are deleted)
 * @param groupId          a replica's consumer group (only for monitoring: positions are kept in the store);
 *                         empty: derived from the store's folder
 */
@ConfigurationProperties("kg.replication")
public record ReplicationProperties(
        @DefaultValue("none") Role role,
        @DefaultValue("") String bootstrapServers,
        @DefaultValue("cikg-changes") String topic,
        @DefaultValue("") String writerUrl,
        @DefaultValue("") String bootstrapFrom,
        @DefaultValue("5m") Duration maxLag,
        @DefaultValue("512KB") DataSize chunkSize,
        @DefaultValue("5s") Duration retry,
        @DefaultValue("1") short topicReplicas,
        @DefaultValue("3") int keepSnapshots,
        @DefaultValue("") String groupId) {

    /** What this service is in a replicated set-up. */
    public enum Role {
        NONE,
        WRITER,
        REPLICA
    }

    /** The writer as a refusal names it. */
    String writerName() {
        return writerUrl.isBlank() ? "the writer (kg.replication.writer-url is not set here)" : writerUrl;
    }
}
