package org.cikg.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which links a year window keeps. */
class YearWindowTest {

    private static GraphRequest window(Integer from, Integer to, boolean undated) {
        return new GraphRequest(List.of(), 1, Set.of(), Set.of(), from, to, undated, "en", 10);
    }

    private static SubGraph.Statement st(Integer start, Integer end) {
        return new SubGraph.Statement("urn:st", null, null, "stated", start, end);
    }

    @Test
    void linkSpanningTheWindowIsKeptAndOneOutsideItIsLeftOut() {
        assertThat(NeighbourhoodExtractor.inWindow(List.of(st(2010, 2020)), window(2015, 2016, true)))
                .isTrue();
        assertThat(NeighbourhoodExtractor.inWindow(List.of(st(2010, 2012)), window(2015, 2016, true)))
                .isFalse();
        assertThat(NeighbourhoodExtractor.inWindow(List.of(st(2019, null)), window(2019, 2019, true)))
                .isTrue();
        assertThat(NeighbourhoodExtractor.inWindow(List.of(st(2019, null)), window(2020, null, true)))
                .isFalse();
        assertThat(NeighbourhoodExtractor.inWindow(List.of(st(2019, null)), window(null, 2018, true)))
                .isFalse();
        assertThat(NeighbourhoodExtractor.inWindow(List.of(st(2003, null), st(2024, null)), window(2020, 2030, true)))
                .as("two statements: the link spans both years")
                .isTrue();
    }

    @Test
    void undatedLinksAreKeptUnlessAskedOtherwise() {
        assertThat(NeighbourhoodExtractor.inWindow(List.of(st(null, null)), window(2015, 2016, true)))
                .isTrue();
        assertThat(NeighbourhoodExtractor.inWindow(List.of(), window(2015, 2016, false)))
                .isFalse();
        assertThat(NeighbourhoodExtractor.inWindow(List.of(), window(null, null, false)))
                .as("no window, nothing left out")
                .isTrue();
    }
}
