/**
 * The SPARQL workbench at {@code /sparql-ui}: a browser editor (CodeMirror 6, bundled from npm into
 * {@code static/vendor/}) with autocomplete of the contract prefixes and the ontology's classes and properties, a
 * shelf of worked examples made from the public query catalogue, and table, graph, timeline and download views of
 * results. Queries go from the browser straight to the public Fuseki endpoint; this package only serves the page,
 * the examples and the vocabulary.
 */
package org.cikg.workbench;
