package org.cikg.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Format selection by {@code format=} and by {@code Accept}. */
class GraphFormatTest {

    @Test
    void formatParameterNamesEachFormat() {
        assertThat(GraphFormat.byParam("graphml")).contains(GraphFormat.GRAPHML);
        assertThat(GraphFormat.byParam("GEXF")).contains(GraphFormat.GEXF);
        assertThat(GraphFormat.byParam("jsonld")).contains(GraphFormat.JSONLD);
        assertThat(GraphFormat.byParam("ttl")).contains(GraphFormat.TURTLE);
        assertThat(GraphFormat.byParam("png")).isEmpty();
    }

    @Test
    void acceptPicksTheBestFormatByQualityAndDefaultsToCytoscape() {
        assertThat(GraphFormat.negotiate(null)).contains(GraphFormat.CYTOSCAPE);
        assertThat(GraphFormat.negotiate("*/*")).contains(GraphFormat.CYTOSCAPE);
        assertThat(GraphFormat.negotiate("application/json")).contains(GraphFormat.CYTOSCAPE);
        assertThat(GraphFormat.negotiate("text/turtle;q=0.5, application/gexf+xml"))
                .contains(GraphFormat.GEXF);
        assertThat(GraphFormat.negotiate("application/ld+json")).contains(GraphFormat.JSONLD);
        assertThat(GraphFormat.negotiate("application/graphml+xml")).contains(GraphFormat.GRAPHML);
        assertThat(GraphFormat.negotiate("image/png")).isEmpty();
        assertThat(GraphFormat.negotiate("image/png, text/*;q=0.3")).contains(GraphFormat.TURTLE);
    }
}
