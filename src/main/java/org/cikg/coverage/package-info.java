/**
 * The coverage report: what the curated graph holds, counted by the queries in {@code queries/reports/} (entities by
 * class, claims per article and by predicate, labels by language, statements by certainty, indicators, editorial
 * versus sourced) and written as Markdown to {@code docs/coverage.md} by the {@code coverage} command.
 */
package org.cikg.coverage;
