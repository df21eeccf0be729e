package org.cikg.entity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.cikg.asof.AsOf;
import org.cikg.core.Namespaces;
import org.cikg.query.QuestionRunner;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.SystemQuery;
import org.cikg.sparql.Table;
import org.cikg.sparql.Terms;
import org.cikg.store.KnowledgeStore;
import org.springframework.stereotype.Component;

/**
 * The panels of an entity page, in the spirit of Scholia's aspects: by the entity's classes, a few named questions
 * asked about it (a place: its policies, the organisations in it, the posts held there, its timeline; a policy: its
 * beneficiaries, where it spread; a person: their posts; any entity: its timeline). A panel shows the answer's first
 * rows and links to the question's page; a question with no answer for this entity gives no panel. Questions not in
 * the catalogue are skipped, so removing a {@code .rq} file removes its panel.
 */
@Component
class AspectPanels {
    /** Rows a panel shows; its link leads to the rest. */
    static final int ROWS = 8;

    /** One question asked of entities of a class: the class, the question, its parameter, the panel's title. */
    record Aspect(String cls, String question, String param, String title) {}

    static final List<Aspect> ASPECTS = List.of(
            new Aspect("Place", "policies-of-place", "place", "Policies of this place"),
            new Aspect("Place", "organisations-in-place", "place", "Organisations here"),
            new Aspect("Place", "people-posts", "place", "Posts held here"),
            new Aspect("Policy", "policy-beneficiaries", "policy", "Who benefited"),
            new Aspect("Policy", "policy-diffusion", "policy", "Where it spread"),
            new Aspect("Person", "people-posts", "person", "Posts held"),
            new Aspect("Thing", "timeline", "entity", "Over time: dated facts and figures"));

    /**
     * A panel as the page draws it.
     *
     * @param question the question's name
     * @param title    the panel's heading
     * @param table    the first rows
     * @param charts   at most one chart
     * @param page     the question's page for this entity
     */
    record Panel(String question, String title, AnswerTable table, List<Chart> charts, String page) {}

    private final KnowledgeStore store;
    private final QueryCatalog catalog;
    private final QuestionRunner questions;

    AspectPanels(KnowledgeStore store, QueryCatalog catalog, QuestionRunner questions) {
        this.store = store;
        this.catalog = catalog;
        this.questions = questions;
    }

    List<Panel> panels(Node entity, LabelLanguage lang) {
        return panels(entity, lang, null);
    }

    /** The panels of the graph as of {@code year} (null: now); each question is asked with {@code asOf}. */
    List<Panel> panels(Node entity, LabelLanguage lang, Integer year) {
        Set<String> classes = new HashSet<>();
        classes.add("Thing");
        Table types = store.runner().select(catalog.get(SystemQuery.ENTITY_KINDS), Map.of("entity", entity));
        types.forEach(b -> {
            Node t = b.get("type");
            if (t != null && t.isURI() && t.getURI().startsWith(Namespaces.CIKG)) {
                classes.add(t.getURI().substring(Namespaces.CIKG.length()));
            }
        });
        String slug = Terms.slugOf(entity);
        List<Panel> out = new ArrayList<>();
        for (Aspect a : ASPECTS) {
            if (!classes.contains(a.cls()) || catalog.find(a.question()).isEmpty()) {
                continue;
            }
            Map<String, List<String>> params = new LinkedHashMap<>();
            params.put(a.param(), List.of(slug));
            params.put("lang", List.of(lang.code()));
            if (year != null) {
                params.put(AsOf.PARAM, List.of(Integer.toString(year)));
            }
            QuestionRunner.Answer answer = questions.run(a.question(), params, null);
            List<Var> vars = answer.rows().vars();
            List<Binding> rows = answer.rows().rows();
            if (rows.isEmpty()) {
                continue;
            }
            List<Chart> charts = Chart.of(AnswerTable.plain(vars, rows));
            out.add(new Panel(
                    a.question(),
                    a.title(),
                    AnswerTable.of(vars, rows, false, ROWS, lang),
                    charts.isEmpty() ? List.of() : List.of(charts.get(0)),
                    "/questions/" + a.question() + "?" + a.param() + "=" + slug
                            + (lang.explicit() ? "&lang=" + lang.code() : "")
                            + (year == null ? "" : "&" + AsOf.PARAM + "=" + year)));
        }
        return out;
    }
}
