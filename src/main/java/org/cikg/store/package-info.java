/**
 * The TDB2 dataset: opening it, loading {@code ontology/} and {@code data/} into it in one transaction, materialising
 * inferences, remembering what was loaded (a content hash) so unchanged files are not loaded twice, and reporting
 * its state to health checks.
 */
package org.cikg.store;
