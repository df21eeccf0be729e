/**
 * Read replicas fed by a change log on Apache Kafka ({@code kg.replication.role=writer|replica}).
 *
 * <p>The <b>writer</b> records every committed change of its store ({@link org.cikg.replication.ChangeCapture}: a
 * wrapper of the TDB2 dataset that every load, restore, admin update and Graph Store write goes through) as an RDF
 * Patch, numbered by the change sequence it produces, and keeps it in an outbox until
 * {@link org.cikg.replication.ChangePublisher} has published it, in order, to the topic; a change larger than the
 * store it leaves behind is published as a reference to a snapshot in the backup format instead. <b>Replicas</b>
 * start from a snapshot, follow the topic with a Spring for Apache Kafka listener container
 * ({@link org.cikg.replication.ReplicaFollower}) and apply each change in one TDB2 write transaction that also stores
 * the change's log offset ({@link org.cikg.replication.ChangeApplier}), so a replica killed at any moment neither loses
 * nor repeats a change. They refuse writes (409) and report their lag ({@link org.cikg.replication.ReplicationHealth}).
 * The record format is described in {@code docs/replication.md}.
 */
package org.cikg.replication;
