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
 */
public record Candidate(String id, String name, String description, List<TypeRef> type, double score, boolean match) {

    /** A class or property reference: local name in the schema space and its English label. */
    public record TypeRef(String id, String name) {
    }
}
