package org.cikg.core;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;

/**
 * Picks the label to show for a language, the same way everywhere (pages, search results, graph exports,
 * reconciliation, curation). The fallback order, best first:
 * <ol>
 *   <li>a label tagged with the asked language (tags compare case-insensitively);</li>
 *   <li>a label with the asked language's primary subtag ({@code zh-Hans} answers {@code zh}, and the other way);</li>
 *   <li>English ({@code en});</li>
 *   <li>an untagged label;</li>
 *   <li>any other label (the smallest language tag);</li>
 * </ol>
 * and none when there is no label: the caller then shows a readable form of the IRI. Among labels of the same rank
 * and tag the smallest lexical form wins, so the choice does not depend on the order a store returns them in.
 *
 * <pre>{@code
 * Optional<Node> l = LabelPicker.best(labelNodes, "he");                 // literal nodes
 * Optional<String> s = LabelPicker.best(Map.of("en", "China", "he", "סין"), "he");  // values by tag
 * }</pre>
 */
public final class LabelPicker {
    /** The language of the last resort before any other: every entity has one label in it. */
    public static final String FALLBACK = "en";

    private LabelPicker() {}

    /** The best of {@code labels} (literal nodes; others are ignored) for {@code lang}. */
    public static Optional<Node> best(Collection<Node> labels, String lang) {
        String asked = lower(lang);
        return labels.stream()
                .filter(n -> n != null && n.isLiteral())
                .min(Comparator.comparingInt((Node n) -> rank(n.getLiteralLanguage(), asked))
                        .thenComparing(n -> lower(n.getLiteralLanguage()))
                        .thenComparing(Node::getLiteralLexicalForm));
    }

    /** The best of values keyed by their language tag ({@code ""} for untagged) for {@code lang}. */
    public static <V> Optional<V> best(Map<String, V> byTag, String lang) {
        String asked = lower(lang);
        return byTag.entrySet().stream()
                .min(Comparator.comparingInt((Map.Entry<String, V> e) -> rank(e.getKey(), asked))
                        .thenComparing(e -> lower(e.getKey())))
                .map(Map.Entry::getValue);
    }

    /** 0 for the asked tag, 1 for its primary subtag, 2 English, 3 untagged, 4 any other. */
    static int rank(String tag, String asked) {
        String t = lower(tag);
        if (t.equals(asked)) {
            return 0;
        }
        if (!t.isEmpty() && primary(t).equals(primary(asked))) {
            return 1;
        }
        if (t.equals(FALLBACK)) {
            return 2;
        }
        return t.isEmpty() ? 3 : 4;
    }

    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        return dash < 0 ? tag : tag.substring(0, dash);
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
