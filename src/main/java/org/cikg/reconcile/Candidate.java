package org.cikg.reconcile;

import java.util.List;

/**
 * One reconciliation candidate, as the API returns it.
 *
 * @param id          the entity slug (the identifier space is {@code https://w3id.org/cikg/id/})
 * @param name        its English name
 * @param description its one-line gloss, or null
 * @param type        its most specific class, as {@code {id, name}} (id = local name in the schema space)
 * @param score       0 to 100
 * @param match       true only when the name matches exactly, every given property agrees and no other candidate
 *                    comes close
 * @param features    what matched (Reconciliation API "features"): {@code name} (1 for the whole name as given,
 *                    less for a partial match), {@code alias} (the name matched is an alternative label),
 *                    {@code type} (the query's type, when it gave one), {@code suffix_stripped} (it matched once legal
 *                    forms such as "Ltd." or 有限公司 were ignored), {@code pinyin} (it matched the pinyin of a
 *                    Chinese name)
 */
public record Candidate(
        String id,
        String name,
        String description,
        List<TypeRef> type,
        double score,
        boolean match,
        List<Feature> features) {

    public Candidate(String id, String name, String description, List<TypeRef> type, double score, boolean match) {
        this(id, name, description, type, score, match, List.of());
    }

    /** One feature of a candidate: its id and its value (a number from 0 to 1, or a boolean). */
    public record Feature(String id, Object value) {}

    /** A class or property reference: local name in the schema space and its English label. */
    public record TypeRef(String id, String name) {}
}
