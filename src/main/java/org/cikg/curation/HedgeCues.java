package org.cikg.curation;

import java.util.List;
import java.util.Locale;

/** Certainty of a sentence: the first hedge cue of the article's language, or the French conditional mood. */
final class HedgeCues {
    private HedgeCues() {}

    static String hedge(List<CueLexicon.Hit> hits, List<CueLexicon.Token> tokens, String lang) {
        for (CueLexicon.Hit h : hits) {
            if (h.cue().kind().equals("hedge")) {
                return h.cue().text();
            }
        }
        if (lang.equals("fr")) {
            // The conditional mood: "-rait", "-raient" ("aurait", "pourraient").
            for (CueLexicon.Token t : tokens) {
                String w = t.text().toLowerCase(Locale.ROOT);
                if (w.length() > 6 && (w.endsWith("rait") || w.endsWith("raient"))) {
                    return w + " (conditional)";
                }
            }
        }
        return null;
    }
}
