package org.cikg.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.cikg.core.Namespaces;
import org.cikg.entity.EntityPage.Fact;
import org.cikg.entity.EntityPage.FactGroup;
import org.cikg.entity.EntityPage.IndicatorRow;
import org.cikg.entity.EntityPage.Name;
import org.cikg.entity.EntityPage.Source;
import org.cikg.sparql.Terms;

/**
 * Turns the graph of one entity (the result of {@code queries/system/entity-graph.rq}) into an {@link EntityPage}.
 * Pure: no store access, so it is unit-tested on a fixture graph.
 *
 * <p>It stays one class of about 300 lines: each part of the page (names, types, facts both ways, places, sources,
 * indicators) is a short method over the same model, entity and label language, which a split would pass around.
 */
final class EntityPageAssembler {
    // skos:hiddenLabel holds forms texts use without naming the entity ("chinois"): for mention finding, not for
    // readers.
    static final Set<Property> NOT_FACTS = Set.of(RDF.type, RDFS.label, SKOS.altLabel, SKOS.hiddenLabel, RDFS.comment);

    /** The most values of one property a page lists; the rest are counted and linked. */
    static final int GROUP_CAP = 50;

    private final Model m;
    private final Resource entity;
    private final Set<Triple> inferred;
    private final LabelLanguage lang;
    private final FactNotes notes;

    /** What a page adds to each fact besides its sources (its explanation, whether it is undated in the year shown). */
    interface FactNotes {
        FactNotes NONE = (t, f) -> f;

        Fact annotate(Triple t, Fact f);
    }

    EntityPageAssembler(Model m, Resource entity, Set<Triple> inferred, LabelLanguage lang) {
        this(m, entity, inferred, lang, FactNotes.NONE);
    }

    EntityPageAssembler(Model m, Resource entity, Set<Triple> inferred, LabelLanguage lang, FactNotes notes) {
        this.m = m;
        this.entity = entity.inModel(m);
        this.inferred = inferred;
        this.lang = lang;
        this.notes = notes;
    }

    EntityPage assemble(List<EntityPage.Download> downloads, String sparql) {
        String title = Labels.literal(entity, RDFS.label, "en")
                .map(Literal::getLexicalForm)
                .orElseGet(() -> Labels.fallback(entity));
        String description = Labels.literal(entity, RDFS.comment, "en")
                .map(Literal::getLexicalForm)
                .orElse(null);
        return new EntityPage(
                Terms.slugOf(entity.asNode()),
                entity.getURI(),
                title,
                description,
                names(),
                types(),
                outgoing(),
                incoming(),
                new Timeline(m, entity, lang).entries(),
                indicators(),
                new NeighbourhoodDrawing(m, entity, lang).view(),
                downloads,
                sparql);
    }

    private List<Name> names() {
        List<Name> names = new ArrayList<>();
        for (Property p : List.of(RDFS.label, SKOS.altLabel)) {
            entity.listProperties(p).toList().stream()
                    .map(Statement::getObject)
                    .filter(RDFNode::isLiteral)
                    .map(RDFNode::asLiteral)
                    .filter(l -> !(p.equals(RDFS.label) && "en".equals(l.getLanguage())))
                    .sorted(Comparator.comparing((Literal l) -> langOrder(l.getLanguage()))
                            .thenComparing(Literal::getLexicalForm))
                    .forEach(l -> names.add(new Name(l.getLexicalForm(), l.getLanguage(), p.equals(SKOS.altLabel))));
        }
        return names;
    }

    private static int langOrder(String lang) {
        int i = LabelLanguage.SUPPORTED.indexOf(lang);
        return i < 0 ? 99 : i;
    }

    private List<Link> types() {
        List<Resource> types = entity.listProperties(RDF.type).toList().stream()
                .map(Statement::getObject)
                .filter(RDFNode::isURIResource)
                .map(RDFNode::asResource)
                .filter(t -> t.getURI().startsWith(Namespaces.CIKG))
                .toList();
        // Asserted (most specific) types first: those the rules did not add.
        return types.stream()
                .sorted(Comparator.comparing((Resource t) ->
                                inferred.contains(Triple.create(entity.asNode(), RDF.type.asNode(), t.asNode())))
                        .thenComparing(Resource::getURI))
                .map(t -> new Link(
                        Labels.fallback(t).replaceFirst("^cikg:", ""),
                        "/class/" + t.getLocalName() + lang.suffix(),
                        "en"))
                .toList();
    }

    private List<FactGroup> outgoing() {
        Map<Property, List<Fact>> groups = new LinkedHashMap<>();
        for (Statement s : entity.listProperties().toList()) {
            if (NOT_FACTS.contains(s.getPredicate())) {
                continue;
            }
            groups.computeIfAbsent(s.getPredicate(), k -> new ArrayList<>())
                    .add(fact(entity, s.getPredicate(), s.getObject(), value(s.getObject())));
        }
        return grouped(groups, false);
    }

    private List<FactGroup> incoming() {
        Map<Property, List<Fact>> groups = new LinkedHashMap<>();
        for (Statement s : m.listStatements(null, null, entity).toList()) {
            Property p = s.getPredicate();
            if (p.equals(RDF.subject)
                    || p.equals(RDF.object)
                    || p.equals(Vocab.ABOUT)
                    || p.equals(Vocab.WAS_DERIVED_FROM)) {
                continue;
            }
            groups.computeIfAbsent(p, k -> new ArrayList<>())
                    .add(fact(s.getSubject(), p, entity, Labels.link(s.getSubject(), lang)));
        }
        return grouped(groups, true);
    }

    /** The named questions listing everything that lies in this place, at any depth. */
    private List<Link> placeLists() {
        String slug = Terms.slugOf(entity.asNode());
        return List.of(
                new Link("all divisions in it, at any depth", "/api/queries/divisions-in-place?place=" + slug, "en"),
                new Link(
                        "all organisations in it, at any depth",
                        "/api/queries/organisations-in-place?place=" + slug,
                        "en"));
    }

    /**
     * The facts by property, sorted; an incoming group shows at most {@link #GROUP_CAP} values with the count of all.
     * What lies in a place: the graph holds only the asserted links ({@code entity-graph.rq}), and the group links
     * the named questions that list everything at any depth.
     */
    private List<FactGroup> grouped(Map<Property, List<Fact>> groups, boolean incoming) {
        return groups.entrySet().stream()
                .map(e -> {
                    List<Fact> all = e.getValue().stream()
                            .sorted(Comparator.comparing(f -> f.value().text()))
                            .toList();
                    List<Fact> shown = incoming && all.size() > GROUP_CAP ? all.subList(0, GROUP_CAP) : all;
                    List<Link> more = incoming && e.getKey().equals(Vocab.LOCATED_IN) ? placeLists() : List.of();
                    return new FactGroup(
                            Labels.text(e.getKey(), "en"), Links.href(e.getKey(), lang), shown, all.size(), more);
                })
                .sorted(Comparator.comparing(FactGroup::property))
                .toList();
    }

    private Fact fact(Resource s, Property p, RDFNode o, Link shown) {
        List<Source> sources = sources(statementsFor(s, p, o));
        boolean isInferred = sources.isEmpty() && inferred.contains(Triple.create(s.asNode(), p.asNode(), o.asNode()));
        String via = null;
        if (isInferred && o.isResource()) {
            List<Resource> basis = new ArrayList<>(statementsBetween(s, o.asResource()));
            basis.addAll(statementsBetween(o.asResource(), s));
            if (!basis.isEmpty()) {
                sources = sources(basis);
                via = basis.stream()
                        .map(st -> st.getPropertyResourceValue(RDF.predicate))
                        .filter(x -> x != null)
                        .map(x -> Labels.text(x, "en"))
                        .distinct()
                        .sorted()
                        .collect(java.util.stream.Collectors.joining(", "));
            }
        }
        return notes.annotate(
                Triple.create(s.asNode(), p.asNode(), o.asNode()), new Fact(shown, sources, isInferred, via));
    }

    private Link value(RDFNode o) {
        return value(o, lang);
    }

    /** A literal as its text, a resource as a link to where this service shows it. */
    static Link value(RDFNode o, LabelLanguage lang) {
        if (o.isLiteral()) {
            Literal l = o.asLiteral();
            return new Link(l.getLexicalForm(), null, l.getLanguage());
        }
        return Labels.link(o.asResource(), lang);
    }

    private List<Resource> statementsFor(Resource s, Property p, RDFNode o) {
        return m.listResourcesWithProperty(RDF.subject, s).toList().stream()
                .filter(st -> st.hasProperty(RDF.predicate, p) && st.hasProperty(RDF.object, o))
                .sorted(Comparator.comparing(Resource::toString))
                .toList();
    }

    private List<Resource> statementsBetween(Resource s, Resource o) {
        return m.listResourcesWithProperty(RDF.subject, s).toList().stream()
                .filter(st -> st.hasProperty(RDF.object, o) && st.hasProperty(RDF.type, RDF.Statement))
                .sorted(Comparator.comparing(Resource::toString))
                .toList();
    }

    /** How the page prints the sources of these statement nodes (also used by {@link EntityClaimsAssembler}). */
    List<Source> sources(List<Resource> statements) {
        List<Source> out = new ArrayList<>();
        for (Resource st : statements) {
            for (Statement d : st.listProperties(Vocab.WAS_DERIVED_FROM).toList()) {
                Resource src = d.getObject().asResource();
                boolean editorial = src.equals(Vocab.EDITORIAL);
                Literal title = Labels.literal(src, DCTerms.title, lang.code())
                        .or(() -> Labels.literal(src, RDFS.label, "en"))
                        .orElse(null);
                out.add(new Source(
                        title == null ? Labels.fallback(src) : title.getLexicalForm(),
                        title == null ? "" : title.getLanguage(),
                        editorial ? null : Links.href(src, lang),
                        intOf(st, Vocab.PARAGRAPH),
                        stringOf(st, Vocab.CERTAINTY),
                        years(st),
                        Labels.literal(st, RDFS.comment, "en")
                                .map(Literal::getLexicalForm)
                                .orElse(null),
                        editorial));
            }
        }
        return out;
    }

    private static Integer intOf(Resource r, Property p) {
        Statement s = r.getProperty(p);
        return s == null || !s.getObject().isLiteral() ? null : s.getInt();
    }

    static String stringOf(Resource r, Property p) {
        Statement s = r.getProperty(p);
        return s == null || !s.getObject().isLiteral() ? null : s.getLiteral().getLexicalForm();
    }

    /** A claim's years: "2019", "2002–2007", "–2007"; null when it has none. */
    static String years(Resource r) {
        String start = stringOf(r, Vocab.START_YEAR);
        String end = stringOf(r, Vocab.END_YEAR);
        if (start == null && end == null) {
            return null;
        }
        if (end == null) {
            return start;
        }
        return (start == null ? "" : start) + "–" + end;
    }

    private List<IndicatorRow> indicators() {
        List<IndicatorRow> out = new ArrayList<>();
        for (Resource x : m.listResourcesWithProperty(Vocab.ABOUT, entity).toList()) {
            if (!x.hasProperty(RDF.type, Vocab.INDICATOR)) {
                continue;
            }
            Statement v = x.getProperty(Vocab.VALUE);
            List<Source> sources = v == null ? List.of() : sources(statementsFor(x, Vocab.VALUE, v.getObject()));
            out.add(new IndicatorRow(
                    Labels.link(x, lang),
                    v == null ? "" : EntityClaimsAssembler.number(v.getObject()),
                    stringOf(x, Vocab.UNIT),
                    stringOf(x, Vocab.YEAR),
                    sources));
        }
        out.sort(Comparator.comparing((IndicatorRow r) -> r.year() == null ? "" : r.year())
                .thenComparing(r -> r.measure().text()));
        return out;
    }
}
