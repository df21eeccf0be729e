/**
 * The store of the process: the one TDB2 dataset, or a remote SPARQL store ({@link org.cikg.store.KnowledgeStore}),
 * its named graphs ({@link org.cikg.store.Graphs}) and its health ({@code /actuator/health}). What is done to the
 * store lives in the sub-packages, each on its own concern: {@code load} (the staged load: parse, inference, SHACL,
 * swap), {@code backup} (backup, restore, compaction), {@code version} (data versions and the caches keyed by them),
 * {@code statistics} (TDB2's optimizer statistics).
 */
package org.cikg.store;
