/**
 * Adding a source article: {@code add-source} registers it as a {@code cikg:SourceDocument} and writes a review sheet
 * of the known entities it mentions (by paragraph, matched on every label and alt-label through
 * {@link org.cikg.search.NameNormalizer}) and of candidate claims between entities that share a paragraph;
 * {@code accept-sheet} turns the accepted rows into Turtle with statement nodes, validated against the SHACL shapes
 * before anything is written. Works on the files ({@code ontology/}, {@code data/}), not on a running store, read
 * through the load's own stage ({@link org.cikg.store.load.LoadStage}: same lister, parser, rules and SHACL gate).
 */
package org.cikg.curation;
