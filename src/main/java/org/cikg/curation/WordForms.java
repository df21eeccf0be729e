package org.cikg.curation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The forms a word may take, so that words of running text meet words of names ({@link MentionFinder}): a crude
 * Russian stem ({@link #stem}), a few inflections taken off ({@link #inflected}: Russian case endings and adjectives
 * from names, Arabic and Hebrew relative adjectives, French plurals and feminines, an article glued on by machine
 * translation), and the prefixes Arabic, Hebrew and French attach to a word ({@link #variants}). The same cuts are
 * made on names and on text.
 */
final class WordForms {
    private WordForms() {}

    /** The keys a name's first word may have: the word's {@link #variants}, each {@link #inflected}. */
    static List<String> firstKeys(String w) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : variants(w)) {
            out.addAll(inflected(v));
        }
        return new ArrayList<>(out);
    }

    /**
     * The keys a word of running text may match a name's word under: its {@link #stem} first, then the word as
     * written, then the forms left when an inflection is taken off: Russian case endings (every cut, as a crude
     * stemmer cannot know whether "Китая" is "Китай" or an adjective) and adjectives made from names ("Пекинский",
     * "Сучжоуский" → "Пекин", "Сучжоу"); the Arabic and Hebrew relative adjective (nisba: "الصينية", "סינית" →
     * "الصين", "סין"); a French plural or feminine ("chinoises" → "chinois").
     */
    static List<String> inflected(String w) {
        Set<String> out = new LinkedHashSet<>();
        out.add(stem(w));
        out.add(w);
        if (w.isEmpty()) {
            return new ArrayList<>(out);
        }
        switch (Character.UnicodeScript.of(w.codePointAt(0))) {
            case CYRILLIC -> russian(w, out);
            case ARABIC -> arabic(w, out);
            case HEBREW -> hebrew(w, out);
            case LATIN -> french(w, out);
            default -> {}
        }
        return new ArrayList<>(out);
    }

    /** Russian: adjectives made from names, then every case ending cut off (at least three letters stay). */
    private static void russian(String w, Set<String> out) {
        Set<String> bases = new LinkedHashSet<>();
        bases.add(w);
        for (String e : RU_ADJECTIVE) {
            if (w.endsWith(e) && w.length() - e.length() >= 3) {
                bases.add(w.substring(0, w.length() - e.length()));
            }
        }
        for (String b : bases) {
            out.add(stem(b));
            for (String e : RU_ENDINGS) {
                if (b.endsWith(e) && b.length() - e.length() >= 3) {
                    out.add(softless(b.substring(0, b.length() - e.length())));
                }
            }
        }
    }

    /** Arabic: the relative adjective's ending taken off, the base with and without the article. */
    private static void arabic(String w, Set<String> out) {
        for (String e : new String[] {"يين", "يون", "يات", "يه", "ي"}) {
            if (w.endsWith(e) && w.length() - e.length() >= 3) {
                String base = w.substring(0, w.length() - e.length());
                out.add(base);
                if (!base.startsWith("ال")) {
                    out.add("ال" + base);
                }
                return;
            }
        }
    }

    /** Hebrew: the relative adjective's ending taken off, the base's last letter in its final form. */
    private static void hebrew(String w, Set<String> out) {
        for (String e : new String[] {"יים", "יות", "ית", "י"}) {
            if (w.endsWith(e) && w.length() - e.length() >= 2) {
                out.add(finalForm(w.substring(0, w.length() - e.length())));
                return;
            }
        }
    }

    /** French (and English possessive): a plural or feminine ending, and an article glued on by machine translation. */
    private static void french(String w, Set<String> out) {
        for (String e : new String[] {"'s", "\u2019s", "es", "s", "e"}) {
            if (w.endsWith(e) && w.length() - e.length() >= 4) {
                out.add(w.substring(0, w.length() - e.length()));
            }
        }
        // Machine translation glues an article to the word before it ("Couloirun", "Cerveauune").
        for (String e : new String[] {"une", "des", "un"}) {
            if (w.endsWith(e) && w.length() - e.length() >= 4) {
                out.add(w.substring(0, w.length() - e.length()));
                break;
            }
        }
    }

    private static String softless(String w) {
        return w.endsWith("ь") && w.length() > 3 ? w.substring(0, w.length() - 1) : w;
    }

    /** Hebrew writes five letters differently at the end of a word; a base cut from a longer word needs it back. */
    private static String finalForm(String w) {
        int last = w.length() - 1;
        int i = "כמנפצ".indexOf(w.charAt(last));
        return i < 0 ? w : w.substring(0, last) + "ךםןףץ".charAt(i);
    }

    // Russian case endings, as NameNormalizer folds them (й → и): longest first.
    private static final String[] RU_ENDINGS = {
        "иями", "ями", "ами", "ием", "иях", "ого", "его", "ому", "ему", "ыми", "ими", "ыи", "ии", "ои", "еи", "ая",
        "яя", "ое", "ее", "ые", "ие", "ых", "их", "ую", "юю", "ом", "ем", "ах", "ях", "ов", "ев", "ия", "ию", "а", "я",
        "е", "у", "ю", "о", "ы", "и", "ь"
    };

    // Adjectives made from names: "-ский" and its case forms (folded), and "-ско-" as the first part of a compound.
    private static final String[] RU_ADJECTIVE = {
        "ского", "скому", "скими", "ским", "ском", "ских", "скии", "скои", "ская", "скую", "ское", "ские", "ско"
    };

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
                return softless(w.substring(0, w.length() - e.length()));
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
