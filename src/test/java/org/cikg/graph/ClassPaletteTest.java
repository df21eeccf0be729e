package org.cikg.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassPaletteTest {

    @Test
    void everyClassColourHasAtLeastThreeToOneContrastWithWhiteAndThePageBackground() {
        List<String> colours = new ArrayList<>(ClassPalette.all().values());
        colours.addAll(ClassPalette.SPARE);
        for (String c : colours) {
            assertThat(ClassPalette.contrast(c, "#ffffff")).as(c + " on white").isGreaterThanOrEqualTo(3.0);
            assertThat(ClassPalette.contrast(c, "#f7f6f3"))
                    .as(c + " on the page")
                    .isGreaterThanOrEqualTo(3.0);
        }
    }

    @Test
    void aClassKeepsItsColourAndAnUnlistedOneGetsASpareByName() {
        assertThat(ClassPalette.colour("City"))
                .isEqualTo(ClassPalette.colour("City"))
                .startsWith("#")
                .hasSize(7);
        assertThat(ClassPalette.colour("Startup")).isNotEqualTo(ClassPalette.colour("Person"));
        assertThat(ClassPalette.SPARE).contains(ClassPalette.colour("Township"));
        assertThat(ClassPalette.colour("Township")).isEqualTo(ClassPalette.colour("Township"));
        assertThat(ClassPalette.contrast("#000000", "#ffffff")).isEqualTo(21.0);
    }
}
