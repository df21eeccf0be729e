package org.cikg.graph;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the graph exports ({@code kg.graph.*}).
 *
 * @param maxEdges      the default and highest {@code limit}: a sub-graph with more edges gets 413
 * @param maxQueryBytes the largest CONSTRUCT body {@code POST /api/graph} accepts
 */
@ConfigurationProperties("kg.graph")
public record GraphProperties(
        @DefaultValue("5000") int maxEdges,
        @DefaultValue("65536") int maxQueryBytes) {}
