package org.cikg.curation;

import com.ibm.icu.text.Transliterator;
import java.util.Locale;

/** Keys a name is matched and minted by across scripts: its transliteration, consonant skeleton and slug. */
final class NameKeys {
    private static final Transliterator LATIN = Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");

    private NameKeys() {}

    /** The name in lower-case ASCII, as spelled in Latin letters. */
    static String latin(String name) {
        return LATIN.transliterate(name);
    }

    /**
     * A rough consonant skeleton of a name in any script, so that one Chinese name written by Arabic, Hebrew, Russian
     * and pinyin spellings meets ("هانغتشو", "Ханчжоу", "Hangzhou" all give "hns"): transliterated to ASCII, the
     * sibilants and affricates pinyin, Palladius and Arabic spell differently made one, velars one, labials one,
     * dentals one, vowels, "h" after the first letter, "w" and "y" dropped, and "n" before a velar kept alone (Russian
     * drops the "g" of "-ng" before a consonant). Matching on it is accepted only when it names one entity.
     */
    static String skeleton(String name) {
        String s = LATIN.transliterate(name).replaceAll("[^a-z ]", "");
        StringBuilder out = new StringBuilder();
        for (String w : s.split(" +")) {
            if (w.isEmpty()) {
                continue;
            }
            String x = w.replaceAll("ck|c(?=[aoukt]|s|$)", "K")
                    .replaceAll("tsh|tch|zh|ch|sh|ts|dh|th|dz|j|z|c|s|x|q", "S")
                    .replaceAll("gh|kh|g|k", "K")
                    .replaceAll("[bpf]", "B")
                    .replaceAll("[td]", "T")
                    .replaceAll("[lr]", "L");
            char first = x.charAt(0);
            String rest = x.substring(1).replaceAll("[aeiouhwyv]", "");
            String all = (("aeiouwy".indexOf(first) >= 0) ? "" : String.valueOf(first)) + rest;
            all = all.replaceAll("(.)\\1+", "$1").replaceAll("nK(?!$)", "n").replaceAll("nK$", "n");
            out.append(all);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    static String translit(String name) {
        return LATIN.transliterate(name).replaceAll("[^a-z0-9]", "");
    }

    static String slugify(String name) {
        return LATIN.transliterate(name).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    static String titleCase(String s) {
        StringBuilder b = new StringBuilder();
        for (String w : s.split(" ")) {
            if (!w.isEmpty()) {
                b.append(b.isEmpty() ? "" : " ")
                        .append(Character.toUpperCase(w.charAt(0)))
                        .append(w.substring(1));
            }
        }
        return b.toString();
    }

    static String slugOf(String iri) {
        return iri == null ? "" : iri.substring(iri.lastIndexOf('/') + 1);
    }
}
