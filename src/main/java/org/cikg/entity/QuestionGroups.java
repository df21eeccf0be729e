package org.cikg.entity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cikg.sparql.CatalogQuery;

/**
 * The named questions by what they answer: each goes under the thing its first parameter asks about (a place, a
 * policy, a company or person, any entity, two entities, an article, a measure). A question whose parameters name
 * none of these goes under "Other questions", so a new {@code .rq} file appears without a code change.
 *
 * @param heading   what the group's questions are about
 * @param questions its questions, by title
 */
record QuestionGroups(String heading, List<Entry> questions) {

    /** One question as the lists show it: its page, its title, the question in words. */
    record Entry(String name, String title, String question, String page) {}

    /** Group heading by the name of a question's first parameter, in the order the lists show them. */
    private static final Map<String, String> BY_PARAMETER = new LinkedHashMap<>();

    static {
        BY_PARAMETER.put("place", "About a place");
        BY_PARAMETER.put("policy", "About a policy");
        BY_PARAMETER.put("company", "About a company or a person");
        BY_PARAMETER.put("person", "About a company or a person");
        BY_PARAMETER.put("entity", "About any entity");
        BY_PARAMETER.put("subject", "About any entity");
        BY_PARAMETER.put("from", "How two entities connect");
        BY_PARAMETER.put("measure", "Figures across places");
        BY_PARAMETER.put("source", "About a source article");
    }

    private static final String OTHER = "Other questions";

    /** The class an entity parameter's suggestions are limited to, by its name; null for any entity. */
    private static final Map<String, String> ENTITY_TYPES =
            Map.of("place", "Place", "policy", "Policy", "company", "Organization", "person", "Person");

    static List<QuestionGroups> of(List<CatalogQuery> queries) {
        Map<String, List<Entry>> groups = new LinkedHashMap<>();
        BY_PARAMETER.values().forEach(h -> groups.putIfAbsent(h, new ArrayList<>()));
        groups.put(OTHER, new ArrayList<>());
        for (CatalogQuery q : queries) {
            groups.get(groupOf(q)).add(new Entry(q.name(), q.title(), question(q), "/questions/" + q.name()));
        }
        List<QuestionGroups> out = new ArrayList<>();
        groups.forEach((h, qs) -> {
            if (!qs.isEmpty()) {
                qs.sort(java.util.Comparator.comparing(Entry::title));
                out.add(new QuestionGroups(h, List.copyOf(qs)));
            }
        });
        return out;
    }

    static String groupOf(CatalogQuery q) {
        return q.params().stream()
                .map(p -> BY_PARAMETER.get(p.name()))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(OTHER);
    }

    /** The question in words: the first sentence of the description, as a question where it reads as one. */
    static String question(CatalogQuery q) {
        String d = q.description().strip();
        if (d.isEmpty()) {
            return q.title();
        }
        int end = d.indexOf(". ");
        String first = end > 0 ? d.substring(0, end) : d.replaceFirst("\\.$", "");
        // The short form: up to the first aside (a parenthesis, a colon, a semicolon).
        int cut = first.length();
        for (String mark : new String[] {" (", ":", ";"}) {
            int i = first.indexOf(mark);
            if (i > 20) {
                cut = Math.min(cut, i);
            }
        }
        first = first.substring(0, cut).replaceFirst("[,\\s]+$", "");
        boolean asks = first.startsWith("Which ")
                || first.startsWith("What ")
                || first.startsWith("Where ")
                || first.startsWith("Who ")
                || first.startsWith("How ");
        return first + (asks ? "?" : ".");
    }

    static String entityType(CatalogQuery.Param p) {
        return p.type().equals("entity") ? ENTITY_TYPES.get(p.name()) : null;
    }
}
