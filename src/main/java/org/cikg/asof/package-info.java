/**
 * The graph as it stood in a year ({@code asOf=2019}) for every reader: pages, RDF documents, named questions,
 * exports and the explorer.
 *
 * <p>{@link org.cikg.asof.ValidityOracle} says in which years each triple holds, from the dates the data gives
 * (founding, start and end years of entities, years of statement nodes, years of figures) and, for inferred triples,
 * from their derivations ({@link org.cikg.explain.Explainer}). {@link org.cikg.asof.YearView} hands out a query runner
 * whose queries TDB2 answers with a {@link org.cikg.asof.YearFilter} applied to every quad it reads: one view that
 * every catalogue query runs over unchanged, instead of a rewritten query per question. {@link org.cikg.asof.AsOf}
 * is the parameter, the same everywhere; a bad year is a 400.
 */
package org.cikg.asof;
