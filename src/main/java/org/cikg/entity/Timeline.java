package org.cikg.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.cikg.core.Namespaces;
import org.cikg.entity.EntityPage.TimelineEntry;

/**
 * An entity page's timeline: its dated claims (statement nodes with a start or end year that name the entity), its
 * own dated facts (founding, start and end years) and the posts it held, dated on the post; oldest first, two sources
 * dating the same claim the same way making one entry.
 */
final class Timeline {
    private final Model m;
    private final Resource entity;
    private final LabelLanguage lang;

    Timeline(Model m, Resource entity, LabelLanguage lang) {
        this.m = m;
        this.entity = entity;
        this.lang = lang;
    }

    List<TimelineEntry> entries() {
        List<TimelineEntry> out = new ArrayList<>();
        Link self = new Link(Labels.text(entity, lang.code()), null, "");
        for (Resource st : m.listResourcesWithProperty(RDF.type, RDF.Statement).toList()) {
            String years = EntityPageAssembler.years(st);
            Resource s = st.getPropertyResourceValue(RDF.subject);
            Statement obj = st.getProperty(RDF.object);
            Resource p = st.getPropertyResourceValue(RDF.predicate);
            if (years == null
                    || s == null
                    || obj == null
                    || p == null
                    || !(s.equals(entity) || obj.getObject().equals(entity))) {
                continue;
            }
            out.add(new TimelineEntry(
                    firstYear(years),
                    years,
                    s.equals(entity) ? self : Labels.link(s, lang),
                    Labels.text(p, "en"),
                    obj.getObject().equals(entity) ? self : EntityPageAssembler.value(obj.getObject(), lang),
                    "hedged".equals(EntityPageAssembler.stringOf(st, Vocab.CERTAINTY))));
        }
        for (Property unbound : List.of(Vocab.FOUNDING_YEAR, Vocab.START_YEAR, Vocab.END_YEAR)) {
            Property p = unbound.inModel(m);
            for (Statement s : entity.listProperties(p).toList()) {
                String y = s.getObject().isLiteral() ? s.getLiteral().getLexicalForm() : null;
                if (y != null
                        && out.stream()
                                .noneMatch(t -> t.years().equals(y)
                                        && t.property().equals(Labels.text(p, "en"))
                                        && t.object().text().equals(y))) {
                    out.add(new TimelineEntry(
                            firstYear(y), y, self, Labels.text(p, "en"), new Link(y, null, ""), false));
                }
            }
        }
        // Posts held, dated on the post itself.
        for (Statement s : entity.listProperties(m.createProperty(Namespaces.CIKG, "heldPosition"))
                .toList()) {
            if (s.getObject().isResource()) {
                Resource post = s.getObject().asResource();
                String years = EntityPageAssembler.years(post);
                if (years != null
                        && out.stream()
                                .noneMatch(t -> t.object().href() != null
                                        && t.object().href().equals(Links.href(post, lang))
                                        && t.years().equals(years))) {
                    out.add(new TimelineEntry(
                            firstYear(years), years, self, "held position", Labels.link(post, lang), false));
                }
            }
        }
        // Two sources dating the same claim the same way make one entry (hedged only if every source hedges).
        Map<String, TimelineEntry> distinct = new LinkedHashMap<>();
        for (TimelineEntry t : out) {
            String key = t.years() + "|" + t.subject().text() + "|" + t.property() + "|"
                    + t.object().text();
            distinct.merge(key, t, (a, b) -> a.hedged() && !b.hedged() ? b : a);
        }
        List<TimelineEntry> entries = new ArrayList<>(distinct.values());
        entries.sort(Comparator.comparingInt(TimelineEntry::year).thenComparing(TimelineEntry::property));
        return entries;
    }

    private static int firstYear(String years) {
        java.util.regex.Matcher mt = java.util.regex.Pattern.compile("-?\\d{4}").matcher(years);
        return mt.find() ? Integer.parseInt(mt.group()) : 0;
    }
}
