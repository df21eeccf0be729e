/**
 * TDB2's optimizer statistics ({@code stats.opt}), written after each load so the next start orders a query's
 * triple patterns by how many triples each can match.
 */
package org.cikg.store.statistics;
