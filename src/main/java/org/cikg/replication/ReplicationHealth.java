package org.cikg.replication;

import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health}'s {@code replication} component, also in the readiness group
 * ({@code /actuator/health/readiness}) and not in the liveness group: a replica that is bootstrapping, or has been
 * behind the log's end for longer than {@code kg.replication.max-lag}, is DOWN there (out of the load balancer's
 * rotation) while it stays alive. A replica that cannot reach the broker keeps serving its last version (UP) and says
 * since when and how old that version is: every replica is then as stale as the others, and taking them all out would
 * turn a broker outage into a read outage. Details: the applied change (the data version), its log offset, the log's
 * end, the lag; on the writer, the last change published and what waits in the outbox.
 */
@Component("replication")
class ReplicationHealth implements HealthIndicator {
    private final ReplicationProperties props;
    private final ObjectProvider<ReplicaStatus> replica;
    private final ObjectProvider<ChangePublisher> writer;
    private final ObjectProvider<ChangeCapture> capture;

    ReplicationHealth(
            ReplicationProperties props,
            ObjectProvider<ReplicaStatus> replica,
            ObjectProvider<ChangePublisher> writer,
            ObjectProvider<ChangeCapture> capture) {
        this.props = props;
        this.replica = replica;
        this.writer = writer;
        this.capture = capture;
    }

    @Override
    public Health health() {
        return switch (props.role()) {
            case NONE -> Health.up().withDetail("role", "none").build();
            case WRITER -> writer();
            case REPLICA -> replica();
        };
    }

    private Health writer() {
        ChangePublisher p = writer.getObject();
        LogPosition.Position pos = LogPosition.readCommitted(capture.getObject().tdb());
        Health.Builder b = Health.up()
                .withDetail("role", "writer")
                .withDetail("topic", props.topic())
                .withDetail("version", pos.sequence())
                .withDetail("publishedOffset", pos.offset())
                .withDetail("unpublishedChanges", p.pending());
        ChangePublisher.Published last = p.lastPublished();
        if (last != null) {
            Change c = last.change();
            java.util.Map<String, Object> d = new java.util.LinkedHashMap<>();
            d.put("version", c.sequence());
            d.put("kind", c.kind());
            d.put("form", c.form());
            d.put("adds", c.adds());
            d.put("deletes", c.deletes());
            d.put("patchBytes", c.patchBytes());
            d.put("snapshotBytes", c.snapshotBytes());
            d.put("quadsAfter", c.quadsAfter());
            d.put("records", last.records());
            d.put("offset", last.offset());
            d.put("committedAt", c.committedAt().toString());
            d.put("publishedAt", last.at().toString());
            d.put("publishMillis", last.millis());
            b.withDetail("lastPublished", d);
        }
        if (p.lastError() != null) {
            b.withDetail("brokerError", p.lastError()).withDetail("brokerErrorSince", String.valueOf(p.lastErrorAt()));
        }
        return b.build();
    }

    private Health replica() {
        ReplicaStatus s = replica.getObject();
        Duration lag = s.lag();
        Health.Builder b;
        if (!s.ready()) {
            b = Health.down().withDetail("reason", "bootstrapping: " + s.bootstrap());
        } else if (lag.compareTo(props.maxLag()) > 0) {
            b = Health.down()
                    .withDetail(
                            "reason",
                            "behind the log for " + lag.toSeconds() + " s (kg.replication.max-lag "
                                    + props.maxLag().toSeconds() + " s)");
        } else {
            b = Health.up();
        }
        b.withDetail("role", "replica")
                .withDetail("topic", props.topic())
                .withDetail("writer", props.writerName())
                .withDetail("appliedVersion", s.appliedSequence())
                .withDetail("appliedOffset", s.appliedOffset())
                .withDetail("readOffset", s.consumedOffset())
                .withDetail("logEndOffset", s.endOffset())
                .withDetail("lagRecords", s.recordsBehind())
                .withDetail("lagSeconds", lag.toMillis() / 1000.0)
                .withDetail("maxLagSeconds", props.maxLag().toSeconds())
                .withDetail("start", s.bootstrap());
        Instant committed = s.committedAt();
        if (committed != null) {
            b.withDetail("versionCommittedAt", committed.toString())
                    .withDetail("versionAppliedAt", String.valueOf(s.appliedAt()))
                    .withDetail(
                            "versionAgeSeconds",
                            Duration.between(committed, Instant.now()).toSeconds());
        }
        if (s.brokerError() != null) {
            b.withDetail("brokerUnreachableSince", String.valueOf(s.brokerErrorSince()))
                    .withDetail("brokerError", s.brokerError());
        }
        if (s.lastError() != null) {
            b.withDetail("lastError", s.lastError());
        }
        return b.build();
    }
}
