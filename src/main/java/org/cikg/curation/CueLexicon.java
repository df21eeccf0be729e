package org.cikg.curation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.apache.lucene.analysis.ar.ArabicStemmer;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;
import org.apache.lucene.analysis.fr.FrenchLightStemmer;
import org.apache.lucene.analysis.ru.RussianLightStemmer;

/**
 * The cue words of one language, read from {@code curation/cues/{lang}.tsv} on the class path (one file per language:
 * {@code kind <TAB> key <TAB> cue}), and the tokeniser that finds them in text. Cues and text are cut into the same
 * tokens and reduced by the same Lucene stemmer (French and Russian light stemmers, Arabic normaliser and stemmer,
 * English minimal stemmer; Hebrew words lose up to two one-letter prefixes), so one entry covers a word's inflections.
 * Kinds: {@code rel} (key: a property's local name), {@code hedge}, {@code bound} (key: a value qualifier),
 * {@code unit} (key: the unit in English), {@code scale} (key: the multiplier), {@code class} (key: a class's local
 * name, a word that marks a name of that class) and {@code sector} (key: a sector concept's local name).
 */
final class CueLexicon {
    /** One entry of a lexicon: its kind, key and the cue's stemmed tokens. */
    record Cue(String kind, String key, String text, List<String> stems) {}

    /** A cue found in text: the entry and the tokens it covers ({@code from} inclusive, {@code to} exclusive). */
    record Hit(Cue cue, int from, int to) {}

    /** A token of text: its characters as written, its offsets, and its stem. */
    record Token(String text, int start, int end, String stem, boolean number) {
        boolean capitalised() {
            return !number && Character.isUpperCase(text.codePointAt(0));
        }

        Character.UnicodeScript script() {
            return Character.UnicodeScript.of(text.codePointAt(0));
        }
    }

    private static final Map<String, CueLexicon> CACHE = new ConcurrentHashMap<>();
    private static final Pattern TOKEN = Pattern.compile(
            "\\d+(?:[.,]\\d+)*(?:[\\u00a0\\u202f ]\\d{3}(?![\\d]))*|%|\\p{L}[\\p{L}\\p{M}]*(?:[-\"\u05f4]\\p{L}[\\p{L}\\p{M}]*)*");

    private final String lang;
    private final List<Cue> cues = new ArrayList<>();

    private CueLexicon(String lang) {
        this.lang = lang;
    }

    /** The lexicon of a language ({@code fr}, {@code ru}, {@code ar}, {@code he}, {@code en}); empty if none. */
    static CueLexicon of(String lang) {
        String base = lang.toLowerCase(Locale.ROOT).split("-")[0];
        return CACHE.computeIfAbsent(base, CueLexicon::load);
    }

    private static CueLexicon load(String lang) {
        CueLexicon lex = new CueLexicon(lang);
        try (InputStream in = CueLexicon.class.getResourceAsStream("/curation/cues/" + lang + ".tsv")) {
            if (in == null) {
                return lex;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 3) {
                    throw new IllegalStateException("curation/cues/" + lang + ".tsv: bad line '" + line + "'");
                }
                List<String> stems = lex.tokens(f[2]).stream().map(Token::stem).toList();
                if (!stems.isEmpty()) {
                    lex.cues.add(new Cue(f[0], f[1], f[2], stems));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Longer cues first, so "plus de" is taken before "plus".
        lex.cues.sort((a, b) -> b.stems().size() - a.stems().size());
        return lex;
    }

    String lang() {
        return lang;
    }

    List<Cue> cues(String kind) {
        return cues.stream().filter(c -> c.kind().equals(kind)).toList();
    }

    /** The tokens of a text: words (apostrophes split them: "l'initiative" is "l", "initiative"), numbers, "%". */
    List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String t = m.group();
            boolean number = Character.isDigit(t.charAt(0));
            out.add(new Token(t, m.start(), m.end(), number ? t : stem(t), number));
        }
        return out;
    }

    /** Every cue of {@code kind} (all kinds when null) in the tokens; a token is covered by one cue of a kind only. */
    List<Hit> find(List<Token> tokens, String kind) {
        List<Hit> out = new ArrayList<>();
        for (Cue c : cues) {
            if (kind != null && !c.kind().equals(kind)) {
                continue;
            }
            for (int i = 0; i + c.stems().size() <= tokens.size(); i++) {
                if (matches(c, tokens, i)
                        && !overlaps(out, c.kind(), i, i + c.stems().size())) {
                    out.add(new Hit(c, i, i + c.stems().size()));
                }
            }
        }
        out.sort((a, b) -> a.from() - b.from());
        return out;
    }

    private boolean matches(Cue c, List<Token> tokens, int at) {
        for (int k = 0; k < c.stems().size(); k++) {
            if (!same(c.stems().get(k), tokens.get(at + k))) {
                return false;
            }
        }
        return true;
    }

    private boolean same(String cue, Token t) {
        if (t.stem().equals(cue)) {
            return true;
        }
        // Hebrew and Arabic glue one-letter prefixes to the word ("שייסד", "وأسس").
        String prefixes = "he".equals(lang) ? "והבלמשכ" : "ar".equals(lang) ? "وفبلك" : "";
        String s = t.stem();
        for (int k = 0; k < 2 && s.length() > cue.length() && prefixes.indexOf(s.charAt(0)) >= 0; k++) {
            s = s.substring(1);
            if (s.equals(cue)) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlaps(List<Hit> hits, String kind, int from, int to) {
        return hits.stream().anyMatch(h -> h.cue().kind().equals(kind) && h.from() < to && from < h.to());
    }

    /** The stem of one word under this language's stemmer, lower-cased. */
    String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        char[] c = w.toCharArray();
        int n = c.length;
        switch (lang) {
            case "fr" -> n = new FrenchLightStemmer().stem(c, n);
            case "ru" -> n = new RussianLightStemmer().stem(c, n);
            case "en" -> n = new EnglishMinimalStemmer().stem(c, n);
            case "ar" -> {
                n = new ArabicNormalizer().normalize(c, n);
                n = new ArabicStemmer().stem(c, n);
            }
            default -> {}
        }
        return n > 0 ? new String(c, 0, n) : w;
    }
}
