package org.cikg.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The other forms under which a name is indexed, each with the feature it stands for: its pinyin (a Chinese name
 * found by "hangzhou", "hang zhou", "Hángzhōu") and the name without its legal form ("Tencent Holdings Ltd." is
 * also "tencent"). Simplified and traditional characters need no variant: {@link NameNormalizer} folds traditional
 * to simplified. A search hit says which variant it came through, and reconciliation reports it as the feature that
 * matched.
 */
public final class NameVariants {
    /** What a variant stands for. */
    public enum Kind {
        /** Toneless pinyin of a Chinese name. */
        PINYIN,
        /** The name without its legal form. */
        SUFFIX_STRIPPED
    }

    /** One variant: its text (to normalise and index like a name) and its kind. */
    public record Variant(String text, Kind kind) {}

    private final NameNormalizer normalizer;
    private final LegalForms legalForms;

    public NameVariants(NameNormalizer normalizer) {
        this.normalizer = normalizer;
        this.legalForms = new LegalForms(normalizer);
    }

    public LegalForms legalForms() {
        return legalForms;
    }

    /** The variants of a name whose normalised key differs from the name's own (none for most names). */
    public List<Variant> of(String name) {
        String key = normalizer.key(name);
        Set<String> seen = new LinkedHashSet<>(List.of(key));
        List<Variant> out = new ArrayList<>();
        String stripped = legalForms.strip(name);
        if (!stripped.isEmpty() && seen.add(stripped)) {
            out.add(new Variant(stripped, Kind.SUFFIX_STRIPPED));
        }
        for (String p : Pinyin.of(name)) {
            if (seen.add(normalizer.key(p))) {
                out.add(new Variant(p, Kind.PINYIN));
            }
        }
        if (!stripped.equals(key)) {
            for (String p : Pinyin.of(stripped.replace(" ", ""))) {
                if (seen.add(normalizer.key(p))) {
                    out.add(new Variant(p, Kind.PINYIN));
                }
            }
        }
        return out;
    }
}
