package org.cikg.curation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.cikg.search.NameNormalizer;

/**
 * Finds the known entities a text names: every label and alt-label, normalised by {@link NameNormalizer}, becomes a
 * sequence of folded words in a word trie; each line of the text is folded the same way and scanned left to right,
 * taking at each position the longest name that matches (so "Hangzhou DeepSeek" is not also "Hangzhou"), then going
 * on after it.
 *
 * <p>Arabic and Hebrew attach one-letter prefixes to the word that follows ("and", "in", "to", the article). When a
 * name does not match at a word as written, the finder retries with those prefixes taken off its first word:
 * Arabic {@code و ف} then {@code ب ل ك} then the article {@code ال} ({@code لل} reads as {@code ال}: "for the"),
 * Hebrew up to two of {@code ו ה ב ל מ ש כ}; at least two letters must remain. Only the first word of a name gets
 * this, as in the languages themselves.
 *
 * <pre>{@code
 * MentionFinder f = new MentionFinder(names);           // CurationGraph.names()
 * f.find("وتقع يونيتري روبوتيكس في هانغتشو", 3)        // [Mention(unitree-robotics...), Mention(hangzhou...)]
 * }</pre>
 */
public final class MentionFinder {
    private final NameNormalizer normalizer = new NameNormalizer();
    private final TrieNode root = new TrieNode();

    /** A name found in a line: the entities it names (more than one when the name is ambiguous). */
    public record Mention(int paragraph, String surface, Set<String> entities, String name) {
    }

    private static final class TrieNode {
        final Map<String, TrieNode> next = new HashMap<>();
        final Set<String> entities = new LinkedHashSet<>();
        String name;
    }

    private record Token(String term, int start, int end) {
    }

    public MentionFinder(List<CurationGraph.Name> names) {
        for (CurationGraph.Name n : names) {
            List<String> words = normalizer.words(n.text());
            if (words.isEmpty() || isTooShort(words)) {
                continue;
            }
            TrieNode node = root;
            for (String w : words) {
                node = node.next.computeIfAbsent(stem(w), k -> new TrieNode());
            }
            node.entities.add(n.entity());
            if (node.name == null) {
                node.name = n.text();
            }
        }
    }

    /** One- and two-letter names ("AI" aside, which is rarely a label) match too much running text. */
    private static boolean isTooShort(List<String> words) {
        return words.size() == 1 && words.get(0).codePointCount(0, words.get(0).length()) < 2;
    }

    /** The mentions in every line of {@code text}; paragraph = 1-based line number. */
    public List<Mention> findAll(List<String> lines) {
        List<Mention> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            out.addAll(find(lines.get(i), i + 1));
        }
        return out;
    }

    /**
     * The mentions in one line, in order. Names run together in the text ("Unitree RoboticsBrainco") are found by a
     * second pass over the line split where a lower-case letter meets an upper-case one; it only adds entities the
     * first pass did not find, so "DeepSeek" still matches as one word.
     */
    public List<Mention> find(String line, int paragraph) {
        List<Mention> out = scan(line, paragraph);
        String split = CAMEL.matcher(line).replaceAll(" ");
        if (!split.equals(line)) {
            Set<String> seen = new java.util.HashSet<>();
            out.forEach(m -> seen.addAll(m.entities()));
            for (Mention m : scan(split, paragraph)) {
                if (!seen.containsAll(m.entities())) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern CAMEL = java.util.regex.Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})");

    private List<Mention> scan(String line, int paragraph) {
        List<Token> tokens = tokens(line);
        List<Mention> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int bestEnd = -1;
            TrieNode best = null;
            for (String first : variants(tokens.get(i).term())) {
                TrieNode node = root.next.get(stem(first));
                int j = i;
                while (node != null) {
                    if (!node.entities.isEmpty() && j + 1 > bestEnd) {
                        bestEnd = j + 1;
                        best = node;
                    }
                    j++;
                    node = j < tokens.size() ? node.next.get(stem(tokens.get(j).term())) : null;
                }
            }
            if (best == null) {
                i++;
                continue;
            }
            String surface = line.substring(tokens.get(i).start(), tokens.get(bestEnd - 1).end());
            out.add(new Mention(paragraph, surface, Set.copyOf(best.entities), best.name));
            i = bestEnd;
        }
        return out;
    }

    private List<Token> tokens(String line) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = normalizer.analyzer().tokenStream("text", line)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Token(term.toString(), off.startOffset(), off.endOffset()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    // Russian case endings, as NameNormalizer folds them (й → и): longest first.
    private static final String[] RU_ENDINGS = {"ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ыи", "ии",
        "ои", "еи", "ая", "яя", "ое", "ее", "ые", "ие", "ых", "их", "ую", "юю", "ом", "ем", "ах", "ях", "ов", "ев", "а",
        "я", "е", "у", "ю", "о", "ы", "и", "ь"};

    /**
     * A Cyrillic word without its case ending, so "Китай", "Китая" and "Китае" meet (a crude stemmer: the same
     * cut is made on names and on text, and at least three letters stay); other words unchanged.
     */
    static String stem(String w) {
        if (w.isEmpty() || Character.UnicodeScript.of(w.codePointAt(0)) != Character.UnicodeScript.CYRILLIC) {
            return w;
        }
        for (String e : RU_ENDINGS) {
            if (w.endsWith(e) && w.length() - e.length() >= 3) {
                return w.substring(0, w.length() - e.length());
            }
        }
        return w;
    }

    /**
     * The word as written, then with French elision ({@code l'}, {@code d'}...), Arabic or Hebrew prefixes taken off
     * (longest remainder first).
     */
    static List<String> variants(String w) {
        Set<String> out = new LinkedHashSet<>();
        out.add(w);
        java.util.regex.Matcher elided = ELISION.matcher(w);
        if (elided.matches()) {
            addIfLong(out, elided.group(1));
        }
        // Arabic: (و|ف)? (ب|ل|ك)? (ال)? ; "لل" = ل + ال with the alef dropped.
        for (String conj : new String[] {"", "و", "ف"}) {
            if (!w.startsWith(conj)) {
                continue;
            }
            String a = w.substring(conj.length());
            for (String prep : new String[] {"", "ب", "ل", "ك"}) {
                if (!a.startsWith(prep)) {
                    continue;
                }
                String b = a.substring(prep.length());
                addIfLong(out, b);
                if (b.startsWith("ال")) {
                    addIfLong(out, b.substring(2));
                }
                if (prep.isEmpty() && b.startsWith("لل")) {
                    addIfLong(out, "ال" + b.substring(2));
                    addIfLong(out, b.substring(2));
                }
            }
        }
        // Hebrew: up to two one-letter prefixes.
        String hebrew = "והבלמשכ";
        if (!w.isEmpty() && hebrew.indexOf(w.charAt(0)) >= 0) {
            addIfLong(out, w.substring(1));
            if (w.length() > 1 && hebrew.indexOf(w.charAt(1)) >= 0) {
                addIfLong(out, w.substring(2));
            }
        }
        return new ArrayList<>(out);
    }

    private static final java.util.regex.Pattern ELISION =
            java.util.regex.Pattern.compile("(?:l|d|qu|j|n|s|c|m|t)['\u2019](.+)");

    private static void addIfLong(Set<String> out, String s) {
        if (s.codePointCount(0, s.length()) >= 2) {
            out.add(s);
        }
    }
}
