package org.cikg.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Legal forms of organisation names, which matching ignores: "Tencent Holdings Ltd.", "腾讯控股有限公司" and
 * "ООО «Тенсент»" are all Tencent. Works on the words of {@link NameNormalizer} (so case, accents, punctuation and
 * width do not matter; a Chinese name is one word per character): the forms are taken off the end of a name (Latin
 * and Chinese suffixes: "Co., Ltd.", "Holdings", "Group", "Inc.", 有限公司, 股份有限公司, 集团, ...) and off its
 * start (the Russian and Arabic forms that come first: "ООО", "АО", "شركة", "مجموعة"), as long as a word is left.
 *
 * <pre>{@code
 * LegalForms forms = new LegalForms(new NameNormalizer());
 * forms.strip("Tencent Holdings Ltd.")   // "tencent"
 * forms.strip("阿里巴巴集团")              // "阿 里 巴 巴"
 * forms.strip("Group")                   // "group" (nothing else would be left)
 * }</pre>
 */
public final class LegalForms {
    /** Forms that end a name, Latin script and others; several may follow one another ("Holdings Co., Ltd."). */
    private static final List<String> SUFFIXES = List.of(
            "co ltd",
            "co limited",
            "company limited",
            "company ltd",
            "ltd",
            "limited",
            "inc",
            "incorporated",
            "corp",
            "corporation",
            "co",
            "company",
            "holdings",
            "holding",
            "group",
            "llc",
            "plc",
            "gmbh",
            "ag",
            "sa",
            "sas",
            "sarl",
            "s a",
            "s a s",
            "bv",
            "nv",
            "pte",
            "pty",
            "kk",
            "jsc",
            "pjsc",
            "ооо",
            "оао",
            "зао",
            "пао",
            "ао",
            "группа",
            "холдинг",
            "المحدوده",
            "القابضه",
            "ش م م",
            "בעמ",
            "בע מ",
            "股份有限公司",
            "有限责任公司",
            "有限公司",
            "集团股份有限公司",
            "集团有限公司",
            "集团",
            "控股",
            "公司");
    /** Forms that start a name: Russian company forms, the Arabic and French words for "company" or "group". */
    private static final List<String> PREFIXES =
            List.of("ооо", "оао", "зао", "пао", "ао", "компания", "группа", "شركه", "مجموعه", "societe", "groupe");

    private final NameNormalizer normalizer;
    private final List<List<String>> suffixes = new ArrayList<>();
    private final List<List<String>> prefixes = new ArrayList<>();

    public LegalForms(NameNormalizer normalizer) {
        this.normalizer = normalizer;
        for (String s : SUFFIXES) {
            suffixes.add(normalizer.words(s));
        }
        // Longest first, so "co ltd" is taken whole before "ltd".
        suffixes.sort((a, b) -> b.size() - a.size());
        for (String p : PREFIXES) {
            prefixes.add(normalizer.words(p));
        }
    }

    /** The normalised key of {@code name} without its legal forms (its plain key when it has none). */
    public String strip(String name) {
        return String.join(" ", stripWords(normalizer.words(name)));
    }

    /** Whether {@code name} carries a legal form that {@link #strip(String)} takes off. */
    public boolean hasForm(String name) {
        List<String> words = normalizer.words(name);
        return stripWords(words).size() < words.size();
    }

    List<String> stripWords(List<String> words) {
        List<String> w = new ArrayList<>(words);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<String> s : suffixes) {
                if (w.size() > s.size()
                        && w.subList(w.size() - s.size(), w.size()).equals(s)) {
                    w = new ArrayList<>(w.subList(0, w.size() - s.size()));
                    changed = true;
                    break;
                }
            }
            for (List<String> p : prefixes) {
                if (w.size() > p.size() && w.subList(0, p.size()).equals(p)) {
                    w = new ArrayList<>(w.subList(p.size(), w.size()));
                    changed = true;
                    break;
                }
            }
        }
        return w;
    }
}
