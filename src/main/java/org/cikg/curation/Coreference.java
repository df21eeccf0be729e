package org.cikg.curation;

import static org.cikg.core.Namespaces.CIKG;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Two references a name list cannot find, resolved by a simple salience rule over the article read so far.
 *
 * <ul>
 *   <li><b>Class anaphora.</b> A definite "the city", "the province", "the country" (Arabic {@code المدينة
 *       المقاطعة البلاد} with their prefixes, Hebrew {@code העיר המחוז המדינה} and their prefixed forms, Russian
 *       only after a demonstrative, "этот город", French "la ville", "la province", "le pays" when no "de" follows,
 *       which would make it part of a name, English "the city/province/country") refers to an entity of that class
 *       (cikg:City, cikg:Province, cikg:Country): the first one named in the latest line that names one, up to the
 *       anaphor (the first mention of a line is usually its topic: "the city of Hangzhou ... Beijing's policies";
 *       then "the city" is Hangzhou). Nothing is resolved before the first mention of the class.</li>
 *   <li><b>Short person names.</b> Once a person's name of two or more words has been found, its first or its
 *       last word standing alone (not inside another name) refers to that person: "Xi" after "Xi Jinping", "Musk"
 *       after "Elon Musk". Chinese names put the family name first, Western ones last, so both are taken.</li>
 * </ul>
 * Only entities found by name (one entity, not an ambiguous name) become antecedents.
 */
final class Coreference {
    static final String ANAPHORA = "anaphora: ";
    static final String SHORT_NAME = "short name";

    /** A definite noun phrase for a class: one or two words, and a word that must not follow it. */
    private record Anaphor(String type, Pattern first, Pattern second, Pattern notNext) {
        Anaphor(String type, String first, String second, String notNext) {
            this(
                    type,
                    Pattern.compile(first),
                    second == null ? null : Pattern.compile(second),
                    notNext == null ? null : Pattern.compile(notNext));
        }
    }

    // Words as NameNormalizer folds them: Arabic ة → ه, Russian й → и, accents and case off.
    private static final String AR = "^[وف]?(?:[بك]?ال|لل)";
    private static final String HE = "^[וש]?(?:ה|ב|ל|כ|מה)";
    private static final String RU_THIS = "^(?:этот|этого|этому|этим|этом|эта|этои|эту)$";
    private static final String FR_DE = "^(?:de|du|des|d'.*|d\u2019.*)$";
    private static final List<Anaphor> ANAPHORS = List.of(
            new Anaphor(CIKG + "City", AR + "مدينه$", null, null),
            new Anaphor(CIKG + "City", HE + "עיר$", null, null),
            new Anaphor(CIKG + "City", RU_THIS, "^город(?:а|у|ом|е)?$", null),
            new Anaphor(CIKG + "City", "^la$", "^ville$", FR_DE),
            new Anaphor(CIKG + "City", "^the$", "^city$", "^of$"),
            new Anaphor(CIKG + "Province", AR + "مقاطعه$", null, null),
            new Anaphor(CIKG + "Province", HE + "מחוז$", null, null),
            new Anaphor(CIKG + "Province", RU_THIS, "^провинци(?:я|и|ю|еи)$", null),
            new Anaphor(CIKG + "Province", "^la$", "^province$", FR_DE),
            new Anaphor(CIKG + "Province", "^the$", "^province$", "^of$"),
            new Anaphor(CIKG + "Country", AR + "بلاد$", null, null),
            new Anaphor(CIKG + "Country", HE + "מדינה$", null, null),
            new Anaphor(CIKG + "Country", RU_THIS, "^стран(?:а|ы|е|у|ои)$", null),
            new Anaphor(CIKG + "Country", "^le$", "^pays$", FR_DE),
            new Anaphor(CIKG + "Country", "^the$", "^country$", "^of$"));

    private final Function<String, Set<String>> types;
    /** Class → the first entity of that class in the latest line that names one. */
    private final Map<String, String> lastOfType = new HashMap<>();
    /** Class → the line {@link #lastOfType} comes from. */
    private final Map<String, Integer> lineOfType = new HashMap<>();
    /** A word of a person's full name (as the trie keys it) → the person. */
    private final Map<String, String> shortNames = new HashMap<>();

    Coreference(Function<String, Set<String>> types) {
        this.types = types;
    }

    /**
     * The references resolved in one line, given the mentions found there by name; remembers the line's mentions
     * for the lines that follow.
     */
    List<MentionFinder.Found> resolve(
            String line,
            int paragraph,
            List<MentionFinder.Token> tokens,
            List<MentionFinder.Found> named,
            Function<String, List<String>> firstKeys,
            Function<String, List<String>> nameWords) {
        List<MentionFinder.Found> byPosition = new ArrayList<>(named);
        byPosition.sort(java.util.Comparator.comparingInt(MentionFinder.Found::start));
        List<MentionFinder.Found> out = new ArrayList<>();
        int next = 0;
        for (int t = 0; t < tokens.size(); t++) {
            MentionFinder.Token tok = tokens.get(t);
            while (next < byPosition.size() && byPosition.get(next).start() < tok.start()) {
                remember(byPosition.get(next++), nameWords);
            }
            if (covered(tok, named)) {
                continue;
            }
            boolean anaphor = false;
            for (Anaphor a : ANAPHORS) {
                int len = matches(a, tokens, t);
                String antecedent = lastOfType.get(a.type());
                if (len > 0 && antecedent != null) {
                    int end = tokens.get(t + len - 1).end();
                    out.add(found(
                            paragraph,
                            line,
                            tok.start(),
                            end,
                            antecedent,
                            ANAPHORA + "the "
                                    + a.type().substring(CIKG.length()).toLowerCase(java.util.Locale.ROOT)));
                    anaphor = true;
                    break;
                }
            }
            for (String k : anaphor ? List.<String>of() : firstKeys.apply(tok.term())) {
                String person = shortNames.get(k);
                if (person != null) {
                    out.add(found(paragraph, line, tok.start(), tok.end(), person, SHORT_NAME));
                    break;
                }
            }
        }
        while (next < byPosition.size()) {
            remember(byPosition.get(next++), nameWords);
        }
        return out;
    }

    private static MentionFinder.Found found(
            int paragraph, String line, int start, int end, String entity, String how) {
        return new MentionFinder.Found(
                new MentionFinder.Mention(paragraph, line.substring(start, end), Set.of(entity), how), start, end);
    }

    private static boolean covered(MentionFinder.Token tok, List<MentionFinder.Found> named) {
        for (MentionFinder.Found f : named) {
            if (f.start() >= 0 && f.start() < tok.end() && tok.start() < f.end()) {
                return true;
            }
        }
        return false;
    }

    private static int matches(Anaphor a, List<MentionFinder.Token> tokens, int t) {
        if (!a.first().matcher(tokens.get(t).term()).matches()) {
            return 0;
        }
        int len = 1;
        if (a.second() != null) {
            if (t + 1 >= tokens.size()
                    || !a.second().matcher(tokens.get(t + 1).term()).matches()) {
                return 0;
            }
            len = 2;
        }
        if (a.notNext() != null
                && t + len < tokens.size()
                && a.notNext().matcher(tokens.get(t + len).term()).matches()) {
            return 0;
        }
        return len;
    }

    private void remember(MentionFinder.Found f, Function<String, List<String>> nameWords) {
        if (f.mention().entities().size() != 1) {
            return;
        }
        String e = f.mention().entities().iterator().next();
        Set<String> classes = types.apply(e);
        for (Anaphor a : ANAPHORS) {
            int para = f.mention().paragraph();
            if (classes.contains(a.type()) && lineOfType.getOrDefault(a.type(), 0) < para) {
                lastOfType.put(a.type(), e);
                lineOfType.put(a.type(), para);
            }
        }
        if (classes.contains(CIKG + "Person") && !f.mention().name().equals(SHORT_NAME)) {
            List<String> words = nameWords.apply(f.mention().surface());
            if (words.size() >= 2) {
                shortNames.put(words.get(0), e);
                shortNames.put(words.get(words.size() - 1), e);
            }
        }
    }
}
