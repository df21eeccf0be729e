package org.cikg.replication;

import java.util.Optional;
import org.apache.jena.sparql.core.DatasetGraph;
import org.cikg.store.StoreWrites;

/** A replica's store takes changes only from the log: every other write is refused, naming the writer. */
final class ReplicaWrites implements StoreWrites {
    private final String refusal;

    ReplicaWrites(ReplicationProperties props) {
        this.refusal = "this service is a read replica (kg.replication.role=replica) that follows the change log "
                + props.topic() + "; send writes to the writer, " + props.writerName();
    }

    @Override
    public DatasetGraph wrap(DatasetGraph dataset) {
        return dataset;
    }

    @Override
    public Optional<String> refusal() {
        return Optional.of(refusal);
    }
}
