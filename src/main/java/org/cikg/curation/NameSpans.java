package org.cikg.curation;

import static org.cikg.core.Namespaces.CIKG;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;

/** Where a line may name an entity: spans of tokens found by script, capitals, class words and quotes. */
final class NameSpans {
    private NameSpans() {}

    /**
     * Token spans [from, to) of the line that may name an entity not found yet: capitalised runs (Latin, Cyrillic),
     * Latin words in Arabic or Hebrew text, the words after a class word or founder cue in Arabic and Hebrew, and
     * quoted names a class word marks.
     */
    static List<int[]> spans(
            String line,
            List<CueLexicon.Token> tokens,
            List<CueLexicon.Hit> hits,
            List<Occ> occs,
            CharArraySet stop,
            Set<String> capitalisedMidSentence,
            Set<String> lowerVocabulary,
            String lang) {
        boolean[] covered = new boolean[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            CueLexicon.Token t = tokens.get(i);
            for (Occ o : occs) {
                if (t.start() < o.end() && o.start() < t.end()) {
                    covered[i] = true;
                }
            }
        }
        boolean rtl = lang.equals("ar") || lang.equals("he");
        List<int[]> spans =
                capitalisedRuns(line, tokens, hits, covered, stop, capitalisedMidSentence, lowerVocabulary, rtl);
        if (rtl) {
            afterClassWords(line, tokens, hits, covered, stop, lang, spans);
        }
        quoted(line, tokens, hits, covered, spans);
        return spans;
    }

    private static List<int[]> capitalisedRuns(
            String line,
            List<CueLexicon.Token> tokens,
            List<CueLexicon.Hit> hits,
            boolean[] covered,
            CharArraySet stop,
            Set<String> capitalisedMidSentence,
            Set<String> lowerVocabulary,
            boolean rtl) {
        Set<Integer> cueToken = cueTokens(hits);
        List<int[]> spans = new ArrayList<>();
        // Capitalised runs (Latin and Cyrillic), and Latin words inside Arabic or Hebrew text.
        for (int i = 0; i < tokens.size(); i++) {
            CueLexicon.Token t = tokens.get(i);
            boolean starts =
                    !covered[i] && !t.number() && (rtl ? t.script() == Character.UnicodeScript.LATIN : t.capitalised());
            if (!starts) {
                continue;
            }
            int j = i;
            while (j + 1 < tokens.size()
                    && !covered[j + 1]
                    && gap(line, tokens.get(j), tokens.get(j + 1))
                    && (rtl
                            ? tokens.get(j + 1).script() == Character.UnicodeScript.LATIN
                            : tokens.get(j + 1).capitalised()
                                    || (connector(tokens.get(j + 1).text())
                                            && j + 2 < tokens.size()
                                            && tokens.get(j + 2).capitalised()
                                            && !covered[j + 2]))) {
                j++;
            }
            int from = i;
            while (from <= j && stopWord(stop, tokens.get(from).text())) {
                from++;
            }
            int to = j;
            while (to >= from && stopWord(stop, tokens.get(to).text())) {
                to--;
            }
            boolean allCues = true;
            for (int k = from; k <= to; k++) {
                allCues &= cueToken.contains(k);
            }
            if (allCues) {
                i = j;
                continue;
            }
            while (from <= to
                    && sentenceStart(line, tokens, from)
                    && lowerVocabulary.contains(tokens.get(from).text().toLowerCase(Locale.ROOT))) {
                from++;
            }
            if (from <= to) {
                boolean single = from == to;
                boolean first = sentenceStart(line, tokens, from);
                String w = tokens.get(from).text();
                boolean acronym = w.length() <= 1;
                boolean common = lowerVocabulary.contains(w.toLowerCase(Locale.ROOT));
                if (!(single && (first && !capitalisedMidSentence.contains(w) || acronym || common))) {
                    spans.add(new int[] {from, to + 1});
                }
            }
            i = j;
        }
        return spans;
    }

    /** The tokens of cues other than class words and relations: a run made only of them is no name. */
    private static Set<Integer> cueTokens(List<CueLexicon.Hit> hits) {
        Set<Integer> cueToken = new HashSet<>();
        for (CueLexicon.Hit h : hits) {
            if (!h.cue().kind().equals("class") && !h.cue().kind().equals("rel")) {
                for (int k = h.from(); k < h.to(); k++) {
                    cueToken.add(k);
                }
            }
        }
        return cueToken;
    }

    private static void afterClassWords(
            String line,
            List<CueLexicon.Token> tokens,
            List<CueLexicon.Hit> hits,
            boolean[] covered,
            CharArraySet stop,
            String lang,
            List<int[]> spans) {
        // Arabic and Hebrew: the words after a class word ("شركة", "חברת") or a founder cue, up to a common noun.
        for (CueLexicon.Hit h : hits) {
            boolean cls = h.cue().kind().equals("class");
            boolean founder = h.cue().kind().equals("rel") && h.cue().key().equals("founder");
            if (!cls && !founder) {
                continue;
            }
            int max = founder || "Person".equals(h.cue().key())
                    ? 2
                    : "Policy".equals(h.cue().key()) ? 3 : 2;
            int j = h.to();
            int end = j;
            while (end < tokens.size()
                    && end - j < max
                    && !covered[end]
                    && !tokens.get(end).number()
                    && gap(line, tokens.get(end - 1), tokens.get(end))
                    && !commonNoun(tokens.get(end).text(), lang)
                    && !stop.contains(tokens.get(end).text())) {
                end++;
            }
            if (end > j && spans.stream().noneMatch(s -> s[0] < h.to() + 3 && h.to() <= s[1])) {
                spans.add(new int[] {j, end});
            }
        }
    }

    private static void quoted(
            String line,
            List<CueLexicon.Token> tokens,
            List<CueLexicon.Hit> hits,
            boolean[] covered,
            List<int[]> spans) {
        // Quoted names: «...», “...”, "...".
        var q = Pattern.compile("[«“\"]([^«»“”\"]{2,80})[»”\"]").matcher(line);
        while (q.find()) {
            int from = -1;
            int to = -1;
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).start() >= q.start(1) && tokens.get(i).end() <= q.end(1)) {
                    from = from < 0 ? i : from;
                    to = i + 1;
                }
            }
            if (from >= 0 && to - from <= 8 && !anyCovered(covered, from, to)) {
                // Only quoted names a class word marks (inside or just before): a quote is often just a phrase.
                String cls = classCue(hits, from, to, true);
                if (cls != null) {
                    int f = from;
                    int t = to;
                    spans.removeIf(s -> s[0] >= f && s[1] <= t);
                    spans.add(new int[] {from, to});
                }
            }
        }
    }

    static boolean sentenceStart(String line, List<CueLexicon.Token> toks, int i) {
        if (i == 0) {
            return true;
        }
        String between = line.substring(toks.get(i - 1).end(), toks.get(i).start());
        return between.matches(".*[.!?؟:«\"“(].*") || between.contains("\u2014 ");
    }

    /** A stop word of the language, unless written in capitals ("SA" is a legal form, not the possessive). */
    private static boolean stopWord(CharArraySet stop, String w) {
        return !w.equals(w.toUpperCase(Locale.ROOT)) && stop.contains(w.toLowerCase(Locale.ROOT));
    }

    private static boolean gap(String line, CueLexicon.Token a, CueLexicon.Token b) {
        return line.substring(a.end(), b.start()).matches("[ \\u00a0-]{0,2}");
    }

    private static boolean connector(String w) {
        return Set.of("de", "du", "des", "d", "of", "the", "and", "la", "le").contains(w);
    }

    private static boolean anyCovered(boolean[] covered, int from, int to) {
        for (int i = from; i < to; i++) {
            if (covered[i]) {
                return true;
            }
        }
        return false;
    }

    /** An Arabic word with the article, a Hebrew one with it: a common noun ends a name after a class word. */
    private static boolean commonNoun(String w, String lang) {
        String s = w;
        if (lang.equals("ar")) {
            s = s.replaceFirst("^[وفبلك]", "");
            // The article, or the feminine ending of nouns and adjectives: transliterated names rarely end in it.
            return s.startsWith("ال") || s.startsWith("لل") || s.endsWith("ة");
        }
        return lang.equals("he") && s.length() > 2 && (s.startsWith("ה") || s.startsWith("וה") || s.startsWith("שה"));
    }

    static String classCue(List<CueLexicon.Hit> hits, int from, int to, boolean inside) {
        for (CueLexicon.Hit h : hits) {
            if (!h.cue().kind().equals("class")) {
                continue;
            }
            boolean before = h.to() <= from && from - h.to() <= 1;
            boolean after = h.from() == to;
            boolean within = h.from() >= from && h.to() <= to;
            if (before || after || within && (inside || h.from() == from || h.to() == to)) {
                return CIKG + h.cue().key();
            }
        }
        return null;
    }
}
