package org.cikg.curation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.cikg.search.NameNormalizer;

/**
 * Finds the known entities a text names: every label, alt-label and hidden label, normalised by
 * {@link NameNormalizer}, becomes a sequence of folded words in a word trie; each line of the text is folded the same
 * way and every name that matches at every word is taken (see {@link #scan}: a name inside a longer one counts for
 * the entities the longer one does not name, so "Hangzhou DeepSeek" is DeepSeek and Hangzhou).
 *
 * <p>Words of the text meet words of names under a few inflections ({@link WordForms#inflected}: Russian case
 * endings and adjectives from names, Arabic and Hebrew relative adjectives, French plurals and feminines, an article
 * glued on by machine translation).
 *
 * <p>Arabic and Hebrew attach one-letter prefixes to the word that follows ("and", "in", "to", the article). When a
 * name does not match at a word as written, the finder retries with those prefixes taken off its first word:
 * Arabic {@code و ف} then {@code ب ل ك} then the article {@code ال} ({@code لل} reads as {@code ال}: "for the"),
 * Hebrew up to two of {@code ו ה ב ל מ ש כ}; at least two letters must remain. Only the first word of a name gets
 * this, as in the languages themselves.
 *
 * <pre>{@code
 * MentionFinder f = new MentionFinder(g.names(), g::types);   // g: a CurationGraph
 * f.find("وتقع يونيتري روبوتيكس في هانغتشو", 3)        // [Mention(unitree-robotics...), Mention(hangzhou...)]
 * }</pre>
 */
public final class MentionFinder {
    private final NameNormalizer normalizer = new NameNormalizer();
    private final TrieNode root = new TrieNode();
    private final Function<String, Set<String>> types;

    /**
     * A name found in a line: the entities it names (more than one when the name is ambiguous); {@code name} is the
     * label matched, or, for a reference {@link Coreference} resolved, how it was resolved ({@code "anaphora: "}
     * and the class, or {@code "short name"}).
     */
    public record Mention(int paragraph, String surface, Set<String> entities, String name) {}

    /** Whether the mention is a reference resolved by {@link Coreference} rather than a name matched. */
    public static boolean isResolved(Mention m) {
        return m.name().startsWith(Coreference.ANAPHORA) || m.name().equals(Coreference.SHORT_NAME);
    }

    private static final class TrieNode {
        final Map<String, TrieNode> next = new HashMap<>();
        final Set<String> entities = new LinkedHashSet<>();
        String name;
    }

    record Token(String term, int start, int end) {}

    public MentionFinder(List<CurationGraph.Name> names) {
        this(names, e -> Set.of());
    }

    /**
     * A finder over {@code names}; {@code types} gives an entity's classes (asserted and inferred), which
     * {@link #findAll} needs to resolve "the city" or a person's surname ({@link Coreference}).
     */
    public MentionFinder(List<CurationGraph.Name> names, Function<String, Set<String>> types) {
        Map<String, Set<String>> cache = new java.util.concurrent.ConcurrentHashMap<>();
        this.types = e -> cache.computeIfAbsent(e, types);
        for (CurationGraph.Name n : names) {
            List<String> words = normalizer.words(n.text());
            if (words.isEmpty() || isTooShort(words)) {
                continue;
            }
            add(words, n);
            // "Action Plan 8.0" is also written "the action plan (version 8.0)": a long name matches without its
            // trailing version number too.
            if (words.size() >= 3
                    && VERSION.matcher(words.get(words.size() - 1)).matches()) {
                add(words.subList(0, words.size() - 1), n);
            }
        }
    }

    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("\\d+(?:\\.\\d+)+");

    private void add(List<String> words, CurationGraph.Name n) {
        TrieNode node = root;
        for (String w : words) {
            node = node.next.computeIfAbsent(WordForms.stem(w), k -> new TrieNode());
        }
        node.entities.add(n.entity());
        if (node.name == null) {
            node.name = n.text();
        }
    }

    /** One- and two-letter names ("AI" aside, which is rarely a label) match too much running text. */
    private static boolean isTooShort(List<String> words) {
        return words.size() == 1 && words.get(0).codePointCount(0, words.get(0).length()) < 2;
    }

    /**
     * The mentions in every line of {@code text}; paragraph = 1-based line number. Across lines, two references that
     * name no entity by itself are resolved too (see {@link Coreference}): "the city" and its like to the entity of
     * that class mentioned last, and one word of a person's full name, once that name has been seen, to that person.
     */
    public List<Mention> findAll(List<String> lines) {
        return findAllSpans(lines).stream().map(Found::mention).toList();
    }

    /** {@link #findAll}, with where each mention is in its line (offsets -1 when found in the re-split line). */
    List<Found> findAllSpans(List<String> lines) {
        List<Found> out = new ArrayList<>();
        Coreference coref = new Coreference(types);
        for (int i = 0; i < lines.size(); i++) {
            List<Found> found = findSpans(lines.get(i), i + 1);
            List<Token> tokens = tokens(lines.get(i));
            List<Found> all = new ArrayList<>(found);
            all.addAll(coref.resolve(lines.get(i), i + 1, tokens, found, WordForms::firstKeys, this::wordKeys));
            all.sort(java.util.Comparator.comparingInt(Found::start));
            out.addAll(all);
        }
        return out;
    }

    /** The keys of a name's words, as the trie holds them. */
    private List<String> wordKeys(String name) {
        return normalizer.words(name).stream().map(WordForms::stem).toList();
    }

    /**
     * The mentions in one line, in order. Names run together in the text ("Unitree RoboticsBrainco") are found by a
     * second pass over the line split where a lower-case letter meets an upper-case one; it only adds entities the
     * first pass did not find, so "DeepSeek" still matches as one word.
     */
    public List<Mention> find(String line, int paragraph) {
        return findSpans(line, paragraph).stream().map(Found::mention).toList();
    }

    /** A mention and where it is in its line (character offsets; -1 when found in the re-split line). */
    record Found(Mention mention, int start, int end) {}

    private List<Found> findSpans(String line, int paragraph) {
        List<Found> out = scan(line, paragraph);
        String split = CAMEL.matcher(line).replaceAll(" ");
        if (!split.equals(line)) {
            Set<String> seen = new java.util.HashSet<>();
            out.forEach(m -> seen.addAll(m.mention().entities()));
            for (Found m : scan(split, paragraph)) {
                if (!seen.containsAll(m.mention().entities())) {
                    out.add(new Found(m.mention(), -1, -1));
                }
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern CAMEL = java.util.regex.Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})");

    private record Match(int start, int end, TrieNode node) {
        boolean inside(Match o) {
            return o != this && o.start <= start && end <= o.end && o.end - o.start > end - start;
        }
    }

    /**
     * Every name that matches at every word (not only the longest, and overlapping names too: in "the province
     * 'Digital Zhejiang'" both the province and the plan are named). A name inside a longer one is kept for the
     * entities the longer one does not name ("Hangzhou" in "Hangzhou DeepSeek", "Huawei" in "Huawei Cloud", "Hong
     * Kong" in "the Hong Kong stock exchange"): the curated data records where organisations, policies and events
     * are and whose they are. A shorter name of the same entity inside a longer one adds nothing and is dropped.
     */
    private List<Found> scan(String line, int paragraph) {
        List<Token> tokens = tokens(line);
        List<List<String>> keys = new ArrayList<>();
        for (Token t : tokens) {
            keys.add(null);
        }
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            walk(root, i, i, tokens, keys, matches);
        }
        // One mention per span: two names matching the same words (under different inflections) merge.
        Map<Long, Set<String>> bySpan = new java.util.LinkedHashMap<>();
        Map<Long, String> nameOf = new HashMap<>();
        for (Match m : matches) {
            Set<String> entities = new LinkedHashSet<>(m.node().entities);
            for (Match o : matches) {
                if (m.inside(o)) {
                    entities.removeAll(o.node().entities);
                }
            }
            if (!entities.isEmpty()) {
                long span = ((long) m.start() << 32) | m.end();
                bySpan.computeIfAbsent(span, k -> new LinkedHashSet<>()).addAll(entities);
                nameOf.putIfAbsent(span, m.node().name);
            }
        }
        List<Found> out = new ArrayList<>();
        bySpan.forEach((span, entities) -> {
            int from = tokens.get((int) (span >>> 32)).start();
            int to = tokens.get((int) (span & 0xffffffffL) - 1).end();
            out.add(new Found(
                    new Mention(paragraph, line.substring(from, to), Set.copyOf(entities), nameOf.get(span)),
                    from,
                    to));
        });
        return out;
    }

    private void walk(TrieNode node, int start, int j, List<Token> tokens, List<List<String>> keys, List<Match> out) {
        if (j >= tokens.size()) {
            return;
        }
        List<String> ks = j == start ? WordForms.firstKeys(tokens.get(j).term()) : keys(j, tokens, keys);
        Set<TrieNode> seen = new java.util.HashSet<>();
        for (String k : ks) {
            TrieNode next = node.next.get(k);
            if (next == null || !seen.add(next)) {
                continue;
            }
            if (!next.entities.isEmpty()) {
                out.add(new Match(start, j + 1, next));
            }
            walk(next, start, j + 1, tokens, keys, out);
        }
    }

    private static List<String> keys(int j, List<Token> tokens, List<List<String>> cache) {
        List<String> k = cache.get(j);
        if (k == null) {
            k = WordForms.inflected(tokens.get(j).term());
            cache.set(j, k);
        }
        return k;
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
}
