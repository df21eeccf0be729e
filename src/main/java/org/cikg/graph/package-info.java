/**
 * Sub-graph exports for visualisation tools and the in-browser explorer.
 *
 * <p>{@link org.cikg.graph.NeighbourhoodExtractor} walks entity-to-entity links hop by hop from focus entities
 * (queries {@code queries/system/graph-*.rq}, values bound as RDF terms); {@link org.cikg.graph.ConstructExport}
 * turns a user's read-only CONSTRUCT into the same {@link org.cikg.graph.SubGraph}. Writers serialise it as
 * Cytoscape.js JSON, GraphML, GEXF 1.3, JSON-LD or Turtle; node ids are entity IRIs in every format. The explorer
 * page ({@code /explore}) draws it with Cytoscape.js served from {@code static/vendor/}.
 */
package org.cikg.graph;
