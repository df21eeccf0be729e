package org.cikg.entity;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.cikg.asof.AsOf;
import org.cikg.asof.Validity;
import org.cikg.asof.YearView;
import org.cikg.entity.EntityPage.Fact;
import org.cikg.entity.EntityPage.YearPanel;
import org.cikg.explain.Explainer;
import org.cikg.sparql.QueryRunner;
import org.springframework.stereotype.Component;

/**
 * What an entity page adds for years and explanations: the runner that reads the entity as of the year asked
 * ({@link YearView}), the year control and its notice (including "not yet founded in 2015" for an entity that did not
 * exist yet), and for each fact its explanation ({@link Explainer}, inferred facts) and whether it is undated in the
 * year shown.
 */
@Component
class EntityYears {
    private final YearView view;
    private final Explainer explainer;
    private final EntityReader reader;

    EntityYears(YearView view, Explainer explainer, EntityReader reader) {
        this.view = view;
        this.explainer = explainer;
        this.reader = reader;
    }

    /** Reads the store as of the year, or as it is. */
    QueryRunner runner(Optional<AsOf> asOf) {
        return view.runner(asOf);
    }

    /** Explanations of inferred facts; on a page as of a year, the "undated" mark too. */
    EntityPageAssembler.FactNotes notes(Optional<AsOf> asOf, LabelLanguage lang) {
        return (Triple t, Fact f) -> f.with(
                f.inferred() ? explainer.explain(t, lang.code()).orElse(null) : null,
                asOf.isPresent() && view.oracle().of(t).undatedIn(asOf.get().year()));
    }

    /**
     * The year control of an entity's page: the years the graph knows for it, and what to say about the year shown.
     *
     * @param current the entity's graph as it is now (for its name and founding year)
     */
    YearPanel panel(Node entity, Optional<AsOf> asOf, LabelLanguage lang, Model current) {
        List<Integer> years = reader.years(entity);
        String keep = lang.explicit() ? lang.code() : null;
        if (asOf.isEmpty()) {
            return new YearPanel(null, years, null, false, keep);
        }
        int y = asOf.get().year();
        Validity life = view.oracle().life(entity);
        Resource e = current.createResource(entity.getURI());
        String name = Labels.text(e, "en");
        if (!life.holdsIn(y)) {
            OptionalInt first = life.holds().first();
            String notice;
            if (first.isPresent() && y < first.getAsInt()) {
                String verb = e.hasProperty(Vocab.FOUNDING_YEAR)
                        ? "founded"
                        : e.hasProperty(Vocab.RELEASE_YEAR) ? "released" : null;
                notice = name
                        + (verb != null
                                ? " was not yet " + verb + " in " + y + ": it was " + verb + " in "
                                : " had not yet begun in " + y + ": it began in ")
                        + first.getAsInt() + ".";
            } else {
                OptionalInt last = life.holds().lastBeforeEnd();
                notice = name + " no longer existed in " + y
                        + (last.isPresent() ? ": it ended in " + last.getAsInt() + "." : ".");
            }
            return new YearPanel(y, years, notice, true, keep);
        }
        return new YearPanel(
                y,
                years,
                "The graph as it stood in " + y + ": claims dated later, and what was founded "
                        + "later, are left out; undated claims are kept and marked; figures are the latest up to " + y
                        + ".",
                false,
                keep);
    }
}
