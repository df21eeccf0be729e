/**
 * The W3C Reconciliation Service API (version 0.2, as OpenRefine calls it) over the search index: the service
 * manifest and batched {@code queries} at {@code /reconcile}, the entity, type and property suggest services and the
 * preview card. Candidates come from {@link org.cikg.search.SearchIndex}, names normalised by
 * {@link org.cikg.search.NameNormalizer}; query properties (such as a city through {@code cikg:locatedIn}) raise or
 * lower a candidate's score. Data extension ({@link org.cikg.reconcile.DataExtender}) proposes properties for a type
 * and returns the values of requested properties for reconciled ids.
 */
package org.cikg.reconcile;
