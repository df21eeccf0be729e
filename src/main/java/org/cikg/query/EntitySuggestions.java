package org.cikg.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.cikg.problem.UnknownEntityException;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.SystemQuery;
import org.cikg.sparql.Table;
import org.cikg.sparql.Terms;
import org.cikg.store.KnowledgeStore;
import org.springframework.stereotype.Component;

/**
 * Whether the graph holds an entity, and "did you mean" for one it does not: the entities whose slug or English
 * label contains a word (three letters or more) of the name asked for ({@code queries/system/entity-suggest.rq}).
 * Used by the named questions, the entity IRIs and the pages alike.
 */
@Component
public class EntitySuggestions {
    /** Most suggestions given, and most words of the asked name tried. */
    static final int MAX = 10;

    private static final int MAX_WORDS = 5;

    private final KnowledgeStore store;
    private final QueryCatalog catalog;

    public EntitySuggestions(KnowledgeStore store, QueryCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /** Whether the entity is the subject of at least one triple. */
    public boolean exists(Node entity) {
        return store.runner().ask(catalog.get(SystemQuery.ENTITY_EXISTS), Map.of("entity", entity));
    }

    /** Entities sharing a word with {@code name} (a slug, or words), best first, at most {@value #MAX}. */
    public List<UnknownEntityException.Suggestion> forName(String name) {
        Map<String, UnknownEntityException.Suggestion> found = new LinkedHashMap<>();
        String[] words = name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        int tried = 0;
        for (String w : words) {
            if (w.length() < 3 || tried++ >= MAX_WORDS) {
                continue;
            }
            Table rows = store.runner()
                    .select(catalog.get(SystemQuery.ENTITY_SUGGEST), Map.of("word", Terms.string("word", w, 100)));
            rows.forEach(b -> {
                String s = Terms.slugOf(b.get("entity"));
                if (s != null && found.size() < MAX) {
                    found.putIfAbsent(
                            s,
                            new UnknownEntityException.Suggestion(
                                    b.get("entity").getURI(), b.get("label").getLiteralLexicalForm(), "/page/" + s));
                }
            });
        }
        return new ArrayList<>(found.values());
    }

    /** The 404 for an entity the graph does not hold, naming the parameter it came in and the suggestions. */
    public UnknownEntityException unknown(String param, Node entity) {
        String slug = Terms.slugOf(entity);
        String name = slug != null ? slug : entity.toString();
        return new UnknownEntityException(
                "No entity '" + name + "' in the graph (parameter '" + param + "')", forName(name));
    }
}
