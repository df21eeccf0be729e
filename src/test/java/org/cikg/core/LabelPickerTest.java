package org.cikg.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;

/** The one fallback order: asked tag, its primary subtag, English, untagged, any other; none without labels. */
class LabelPickerTest {
    private static Node l(String text, String lang) {
        return lang.isEmpty() ? NodeFactory.createLiteralString(text) : NodeFactory.createLiteralLang(text, lang);
    }

    @Test
    void followsTheDocumentedOrder() {
        List<Node> all =
                List.of(l("Chine", "fr"), l("China", "en"), l("中国", "zh-Hans"), l("plain", ""), l("Китай", "ru"));
        assertThat(LabelPicker.best(all, "ru")).contains(l("Китай", "ru"));
        assertThat(LabelPicker.best(all, "RU"))
                .as("tags compare case-insensitively")
                .contains(l("Китай", "ru"));
        assertThat(LabelPicker.best(all, "zh")).as("primary subtag").contains(l("中国", "zh-Hans"));
        assertThat(LabelPicker.best(all, "fr-CA"))
                .as("primary subtag of the asked tag")
                .contains(l("Chine", "fr"));
        assertThat(LabelPicker.best(all, "he")).as("English next").contains(l("China", "en"));
        assertThat(LabelPicker.best(List.of(l("plain", ""), l("Chine", "fr")), "he"))
                .as("then untagged")
                .contains(l("plain", ""));
        assertThat(LabelPicker.best(List.of(l("Китай", "ru"), l("Chine", "fr")), "he"))
                .as("then the smallest tag")
                .contains(l("Chine", "fr"));
        assertThat(LabelPicker.best(List.of(), "en")).isEmpty();
    }

    @Test
    void ignoresNonLiteralsAndBreaksTiesByText() {
        List<Node> all = java.util.Arrays.asList(null, NodeFactory.createURI("urn:x"), l("b", "en"), l("a", "en"));
        assertThat(LabelPicker.best(all, "en")).contains(l("a", "en"));
    }

    @Test
    void picksFromValuesByTag() {
        Map<String, String> byTag = Map.of("en", "China", "he", "סין", "", "untagged");
        assertThat(LabelPicker.best(byTag, "he")).contains("סין");
        assertThat(LabelPicker.best(byTag, "ar")).contains("China");
        assertThat(LabelPicker.best(Map.of("", "untagged", "ru", "Китай"), "ar"))
                .contains("untagged");
        assertThat(LabelPicker.best(Map.<String, String>of(), "ar")).isEmpty();
    }
}
