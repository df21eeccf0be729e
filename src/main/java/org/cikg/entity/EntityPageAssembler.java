package org.cikg.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import org.cikg.entity.EntityPage.GraphEdge;
import org.cikg.entity.EntityPage.GraphNode;
import org.cikg.entity.EntityPage.GraphView;
import org.cikg.entity.EntityPage.IndicatorRow;
import org.cikg.entity.EntityPage.Name;
import org.cikg.entity.EntityPage.Source;
import org.cikg.entity.EntityPage.TimelineEntry;
import org.cikg.sparql.Terms;

/**
 * Turns the graph of one entity (the result of {@code queries/system/entity-graph.rq}) into an {@link EntityPage}.
 * Pure: no store access, so it is unit-tested on a fixture graph.
 */
final class EntityPageAssembler {
    // skos:hiddenLabel holds forms texts use without naming the entity ("chinois"): for mention finding, not for readers.
    private static final Set<Property> NOT_FACTS =
            Set.of(RDF.type, RDFS.label, SKOS.altLabel, SKOS.hiddenLabel, RDFS.comment);
    private static final int MAX_NEIGHBOURS = 18;

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
        String title = Labels.literal(entity, RDFS.label, "en").map(Literal::getLexicalForm)
                .orElseGet(() -> Labels.fallback(entity));
        String description = Labels.literal(entity, RDFS.comment, "en").map(Literal::getLexicalForm).orElse(null);
        return new EntityPage(Terms.slugOf(entity.asNode()), entity.getURI(), title, description, names(), types(),
                outgoing(), incoming(), timeline(), indicators(), graph(), downloads, sparql);
    }

    private List<Name> names() {
        List<Name> names = new ArrayList<>();
        for (Property p : List.of(RDFS.label, SKOS.altLabel)) {
            entity.listProperties(p).toList().stream().map(Statement::getObject).filter(RDFNode::isLiteral)
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
        List<Resource> types = entity.listProperties(RDF.type).toList().stream().map(Statement::getObject)
                .filter(RDFNode::isURIResource).map(RDFNode::asResource)
                .filter(t -> t.getURI().startsWith(Namespaces.CIKG)).toList();
        // Asserted (most specific) types first: those the rules did not add.
        return types.stream()
                .sorted(Comparator.comparing((Resource t) -> inferred.contains(
                        Triple.create(entity.asNode(), RDF.type.asNode(), t.asNode()))).thenComparing(Resource::getURI))
                .map(t -> new Link(Labels.fallback(t).replaceFirst("^cikg:", ""), "/class/" + t.getLocalName()
                        + lang.suffix(), "en"))
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
        return grouped(groups);
    }

    private List<FactGroup> incoming() {
        Map<Property, List<Fact>> groups = new LinkedHashMap<>();
        for (Statement s : m.listStatements(null, null, entity).toList()) {
            Property p = s.getPredicate();
            if (p.equals(RDF.subject) || p.equals(RDF.object) || p.equals(Vocab.ABOUT)
                    || p.equals(Vocab.WAS_DERIVED_FROM)) {
                continue;
            }
            groups.computeIfAbsent(p, k -> new ArrayList<>())
                    .add(fact(s.getSubject(), p, entity, Labels.link(s.getSubject(), lang)));
        }
        return grouped(groups);
    }

    private List<FactGroup> grouped(Map<Property, List<Fact>> groups) {
        return groups.entrySet().stream()
                .map(e -> new FactGroup(Labels.text(e.getKey(), "en"), Links.href(e.getKey(), lang),
                        e.getValue().stream().sorted(Comparator.comparing(f -> f.value().text())).toList()))
                .sorted(Comparator.comparing(FactGroup::property))
                .toList();
    }

    private Fact fact(Resource s, Property p, RDFNode o, Link shown) {
        List<Source> sources = sources(statementsFor(s, p, o));
        boolean isInferred = sources.isEmpty()
                && inferred.contains(Triple.create(s.asNode(), p.asNode(), o.asNode()));
        String via = null;
        if (isInferred && o.isResource()) {
            List<Resource> basis = new ArrayList<>(statementsBetween(s, o.asResource()));
            basis.addAll(statementsBetween(o.asResource(), s));
            if (!basis.isEmpty()) {
                sources = sources(basis);
                via = basis.stream().map(st -> st.getPropertyResourceValue(RDF.predicate)).filter(x -> x != null)
                        .map(x -> Labels.text(x, "en")).distinct().sorted().collect(java.util.stream.Collectors.joining(", "));
            }
        }
        return notes.annotate(Triple.create(s.asNode(), p.asNode(), o.asNode()),
                new Fact(shown, sources, isInferred, via));
    }

    private Link value(RDFNode o) {
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

    private List<Source> sources(List<Resource> statements) {
        List<Source> out = new ArrayList<>();
        for (Resource st : statements) {
            for (Statement d : st.listProperties(Vocab.WAS_DERIVED_FROM).toList()) {
                Resource src = d.getObject().asResource();
                boolean editorial = src.equals(Vocab.EDITORIAL);
                Literal title = Labels.literal(src, DCTerms.title, lang.code())
                        .or(() -> Labels.literal(src, RDFS.label, "en")).orElse(null);
                out.add(new Source(title == null ? Labels.fallback(src) : title.getLexicalForm(),
                        title == null ? "" : title.getLanguage(), editorial ? null : Links.href(src, lang),
                        intOf(st, Vocab.PARAGRAPH), stringOf(st, Vocab.CERTAINTY), years(st),
                        Labels.literal(st, RDFS.comment, "en").map(Literal::getLexicalForm).orElse(null), editorial));
            }
        }
        return out;
    }

    private static Integer intOf(Resource r, Property p) {
        Statement s = r.getProperty(p);
        return s == null || !s.getObject().isLiteral() ? null : s.getInt();
    }

    private static String stringOf(Resource r, Property p) {
        Statement s = r.getProperty(p);
        return s == null || !s.getObject().isLiteral() ? null : s.getLiteral().getLexicalForm();
    }

    private static String years(Resource r) {
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

    private List<TimelineEntry> timeline() {
        List<TimelineEntry> out = new ArrayList<>();
        Link self = new Link(Labels.text(entity, lang.code()), null, "");
        for (Resource st : m.listResourcesWithProperty(RDF.type, RDF.Statement).toList()) {
            String years = years(st);
            Resource s = st.getPropertyResourceValue(RDF.subject);
            Statement obj = st.getProperty(RDF.object);
            Resource p = st.getPropertyResourceValue(RDF.predicate);
            if (years == null || s == null || obj == null || p == null
                    || !(s.equals(entity) || obj.getObject().equals(entity))) {
                continue;
            }
            out.add(new TimelineEntry(firstYear(years), years, s.equals(entity) ? self : Labels.link(s, lang),
                    Labels.text(p, "en"), obj.getObject().equals(entity) ? self : value(obj.getObject()),
                    "hedged".equals(stringOf(st, Vocab.CERTAINTY))));
        }
        for (Property unbound : List.of(Vocab.FOUNDING_YEAR, Vocab.START_YEAR, Vocab.END_YEAR)) {
            Property p = unbound.inModel(m);
            for (Statement s : entity.listProperties(p).toList()) {
                String y = s.getObject().isLiteral() ? s.getLiteral().getLexicalForm() : null;
                if (y != null && out.stream().noneMatch(t -> t.years().equals(y) && t.property().equals(Labels.text(p, "en"))
                        && t.object().text().equals(y))) {
                    out.add(new TimelineEntry(firstYear(y), y, self, Labels.text(p, "en"), new Link(y, null, ""), false));
                }
            }
        }
        // Posts held, dated on the post itself.
        for (Statement s : entity.listProperties(m.createProperty(Namespaces.CIKG, "heldPosition")).toList()) {
            if (s.getObject().isResource()) {
                Resource post = s.getObject().asResource();
                String years = years(post);
                if (years != null && out.stream().noneMatch(t -> t.object().href() != null
                        && t.object().href().equals(Links.href(post, lang)) && t.years().equals(years))) {
                    out.add(new TimelineEntry(firstYear(years), years, self, "held position", Labels.link(post, lang),
                            false));
                }
            }
        }
        // Two sources dating the same claim the same way make one entry (hedged only if every source hedges).
        Map<String, TimelineEntry> distinct = new LinkedHashMap<>();
        for (TimelineEntry t : out) {
            String key = t.years() + "|" + t.subject().text() + "|" + t.property() + "|" + t.object().text();
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

    private List<IndicatorRow> indicators() {
        List<IndicatorRow> out = new ArrayList<>();
        for (Resource x : m.listResourcesWithProperty(Vocab.ABOUT, entity).toList()) {
            if (!x.hasProperty(RDF.type, Vocab.INDICATOR)) {
                continue;
            }
            Statement v = x.getProperty(Vocab.VALUE);
            List<Source> sources = v == null ? List.of() : sources(statementsFor(x, Vocab.VALUE, v.getObject()));
            out.add(new IndicatorRow(Labels.link(x, lang), v == null ? "" : v.getLiteral().getLexicalForm(),
                    stringOf(x, Vocab.UNIT), stringOf(x, Vocab.YEAR), sources));
        }
        out.sort(Comparator.comparing((IndicatorRow r) -> r.year() == null ? "" : r.year())
                .thenComparing(r -> r.measure().text()));
        return out;
    }

    private GraphView graph() {
        int w = 760;
        int h = 440;
        double cx = w / 2.0;
        double cy = h / 2.0;
        Map<Resource, String> neighbours = new LinkedHashMap<>();
        for (Statement s : entity.listProperties().toList()) {
            if (!NOT_FACTS.contains(s.getPredicate()) && isEntity(s.getObject()) && !s.getObject().equals(entity)) {
                neighbours.merge(s.getObject().asResource(), Labels.text(s.getPredicate(), "en"), (a, b) -> a);
            }
        }
        for (Statement s : m.listStatements(null, null, entity).toList()) {
            if (isEntity(s.getSubject()) && !s.getSubject().equals(entity)
                    && !s.getSubject().hasProperty(RDF.type, Vocab.INDICATOR)) {
                neighbours.merge(s.getSubject(), Labels.text(s.getPredicate(), "en"), (a, b) -> a);
            }
        }
        List<Map.Entry<Resource, String>> chosen = new ArrayList<>(neighbours.entrySet());
        if (chosen.size() > MAX_NEIGHBOURS) {
            chosen = chosen.subList(0, MAX_NEIGHBOURS);
        }
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphEdge> edges = new ArrayList<>();
        String centreLabel = Labels.text(entity, lang.code());
        int n = chosen.size();
        // An ellipse that leaves room for the labels on either side.
        double rx = 150;
        double ry = cy - 45;
        for (int i = 0; i < n; i++) {
            double a = -Math.PI / 2 + 2 * Math.PI * i / Math.max(n, 1);
            double x = round(cx + rx * Math.cos(a));
            double y = round(cy + ry * Math.sin(a));
            Resource res = chosen.get(i).getKey();
            Link l = Labels.link(res, lang);
            String anchor = x > cx + 20 ? "start" : x < cx - 20 ? "end" : "middle";
            double lx = anchor.equals("start") ? x + 11 : anchor.equals("end") ? x - 11 : x;
            double ly = anchor.equals("middle") ? (y < cy ? y - 13 : y + 22) : y + 4;
            nodes.add(new GraphNode(x, y, round(lx), round(ly), anchor, shorten(l.text()), l.text(), l.href(),
                    kind(res), false));
            edges.add(new GraphEdge(cx, cy, x, y, chosen.get(i).getValue()));
        }
        nodes.add(new GraphNode(cx, cy, cx, cy + 30, "middle", shorten(centreLabel), centreLabel, null,
                kind(entity), true));
        return new GraphView(w, h, nodes, edges);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String shorten(String s) {
        return s.length() <= 22 ? s : s.substring(0, 21) + "…";
    }

    private static boolean isEntity(RDFNode n) {
        return n.isURIResource() && Terms.slugOf(n.asNode()) != null;
    }

    private static final Map<String, String> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("Person", "person");
        KINDS.put("Organization", "org");
        KINDS.put("Place", "place");
        KINDS.put("Policy", "policy");
        KINDS.put("Position", "other");
    }

    private static String kind(Resource r) {
        Set<String> types = new LinkedHashSet<>();
        r.listProperties(RDF.type).forEachRemaining(s -> {
            if (s.getObject().isURIResource()) {
                types.add(s.getObject().asResource().getLocalName());
            }
        });
        for (Map.Entry<String, String> k : KINDS.entrySet()) {
            if (types.contains(k.getKey())) {
                return k.getValue();
            }
        }
        if (types.contains("Company") || types.contains("Startup")) {
            return "org";
        }
        if (types.contains("City") || types.contains("Province") || types.contains("District")
                || types.contains("Zone") || types.contains("Country") || types.contains("MacroRegion")) {
            return "place";
        }
        return "other";
    }
}
