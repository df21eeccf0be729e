package org.cikg.store;

import java.util.Optional;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Who may change the store's contents in this process, and the dataset every change goes through. Without such a
 * bean the process writes straight to its TDB2 dataset, as a single service does. A writer of a replicated set-up
 * wraps the dataset so that each committed change is also recorded for the replicas; a replica refuses every write
 * that does not come from the change log (see {@code org.cikg.replication}).
 */
public interface StoreWrites {

    /** The dataset loads, restores, admin updates and Graph Store writes go through ({@code dataset} itself or a wrapper). */
    DatasetGraph wrap(DatasetGraph dataset);

    /** Why this process must not change its store (a replica: it says which service takes writes); empty: it may. */
    Optional<String> refusal();
}
