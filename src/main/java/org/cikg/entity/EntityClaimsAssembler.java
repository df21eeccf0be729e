package org.cikg.entity;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.cikg.core.Namespaces;
import org.cikg.entity.EntityClaims.Bound;
import org.cikg.entity.EntityClaims.Claim;
import org.cikg.entity.EntityClaims.Disagreement;
import org.cikg.entity.EntityClaims.Silence;
import org.cikg.entity.EntityClaims.SourceMeta;

/**
 * Builds the {@link EntityClaims} of a page from the entity's graph (the result of
 * {@code queries/system/entity-graph.rq}) and the rows of the named question {@code conflicts} about it. Pure: no
 * store access. Sources are printed as the rest of the page prints them ({@link EntityPageAssembler}).
 *
 * <pre>{@code
 * EntityClaims c = new EntityClaimsAssembler(model, entity, lang, pageAssembler).assemble(disputedRows);
 * }</pre>
 */
final class EntityClaimsAssembler {
    private static final Property VALUE_QUALIFIER = cikg("valueQualifier");
    private static final Property COUNT_OF = cikg("countOf");
    private static final Property RANK = cikg("rank");
    private static final Property RANK_REASON = cikg("rankReason");
    private static final Resource EXACTLY = ResourceFactory.createResource(Namespaces.CIKG + "Exactly");
    private static final Map<String, String> LANGUAGE_NAMES =
            Map.of("ar", "Arabic", "he", "Hebrew", "ru", "Russian", "fr", "French", "en", "English", "zh", "Chinese");
    private static final List<String> RANK_ORDER = List.of("preferred", "normal", "deprecated");

    /**
     * One row of {@code conflicts}: a statement that takes part in a disagreement, its property, and for a figure the
     * indicator and year (null otherwise).
     */
    record Disputed(String statement, String property, String indicator, String year) {}

    private final Model m;
    private final Resource entity;
    private final LabelLanguage lang;
    private final EntityPageAssembler page;

    EntityClaimsAssembler(Model m, Resource entity, LabelLanguage lang, EntityPageAssembler page) {
        this.m = m;
        this.entity = entity.inModel(m);
        this.lang = lang;
        this.page = page;
    }

    EntityClaims assemble(List<Disputed> rows) {
        Set<String> disputed = new LinkedHashSet<>();
        return new EntityClaims(bounds(), sources(), disagreements(rows, disputed), silences(), Set.copyOf(disputed));
    }

    private List<Resource> figures() {
        return m.listResourcesWithProperty(Vocab.ABOUT, entity).toList().stream()
                .filter(x -> x.hasProperty(RDF.type, Vocab.INDICATOR))
                .toList();
    }

    private Map<String, Bound> bounds() {
        Map<String, Bound> out = new LinkedHashMap<>();
        List<Resource> figures = new ArrayList<>(figures());
        if (entity.hasProperty(RDF.type, Vocab.INDICATOR)) {
            figures.add(entity);
        }
        for (Resource x : figures) {
            Resource q = x.getPropertyResourceValue(VALUE_QUALIFIER);
            if (q != null && !q.equals(EXACTLY)) {
                out.put(Links.href(x, lang), new Bound(notation(q), Labels.text(q, "en")));
            }
        }
        return out;
    }

    private static String notation(Resource qualifier) {
        Statement s = qualifier.getProperty(SKOS.notation);
        return s == null ? Labels.text(qualifier, "en") : s.getString();
    }

    private Map<String, SourceMeta> sources() {
        Map<String, SourceMeta> out = new LinkedHashMap<>();
        for (RDFNode n : m.listObjectsOfProperty(Vocab.WAS_DERIVED_FROM).toList()) {
            if (!n.isURIResource() || n.equals(Vocab.EDITORIAL)) {
                continue;
            }
            Resource src = n.asResource();
            String code = literalText(src, DCTerms.language);
            String language = code == null ? null : LANGUAGE_NAMES.getOrDefault(code, code);
            List<String> outlets = new ArrayList<>();
            for (Statement p : src.listProperties(DCTerms.publisher).toList()) {
                outlets.add(p.getObject().isLiteral() ? p.getString() : Labels.text(p.getResource(), "en"));
            }
            outlets.sort(Comparator.naturalOrder());
            out.put(
                    Links.href(src, lang),
                    new SourceMeta(
                            language,
                            outlets.isEmpty() ? null : String.join(", ", outlets),
                            literalText(src, DCTerms.date)));
        }
        return out;
    }

    private List<Disagreement> disagreements(List<Disputed> rows, Set<String> disputed) {
        Map<String, List<Claim>> byTopic = new TreeMap<>();
        for (Disputed row : rows) {
            Resource st = m.getResource(row.statement());
            Statement object = st.getProperty(RDF.object);
            if (object == null) {
                continue;
            }
            Property p = m.getProperty(row.property());
            String topic;
            Link value;
            if (row.indicator() != null) {
                Resource figure = m.getResource(row.indicator());
                topic = Labels.text(figure, lang.code()) + (row.year() == null ? "" : " (" + row.year() + ")");
                value = new Link(
                        sign(figure) + number(object.getObject()) + unit(figure), Links.href(figure, lang), "");
            } else {
                topic = Labels.text(p, "en");
                value = object.getObject().isLiteral()
                        ? new Link(object.getLiteral().getLexicalForm(), null, "")
                        : Labels.link(object.getResource(), lang);
                disputed.add(topic + "|" + value.text());
            }
            Resource rank = st.getPropertyResourceValue(RANK);
            String rankName = rank == null ? "normal" : Labels.text(rank, "en").toLowerCase(Locale.ROOT);
            List<EntityPage.Source> sources = page.sources(List.of(st));
            byTopic.computeIfAbsent(topic, k -> new ArrayList<>())
                    .add(new Claim(
                            value,
                            rankName,
                            literalText(st, RANK_REASON),
                            rank != null,
                            sources.isEmpty() ? null : sources.get(0)));
        }
        List<Disagreement> out = new ArrayList<>();
        byTopic.forEach((topic, claims) -> out.add(new Disagreement(
                topic,
                claims.stream()
                        .sorted(Comparator.comparing((Claim c) -> RANK_ORDER.indexOf(c.rank()))
                                .thenComparing(c -> c.value().text()))
                        .toList())));
        return out;
    }

    /** The sign to print before a figure's value ("≥ "), "" when it is exact. */
    private String sign(Resource figure) {
        Resource q = figure.getPropertyResourceValue(VALUE_QUALIFIER);
        return q == null || q.equals(EXACTLY) ? "" : notation(q) + " ";
    }

    private static String unit(Resource figure) {
        String unit = literalText(figure, Vocab.UNIT);
        return unit == null || unit.equals("count") ? "" : " " + unit;
    }

    private List<Silence> silences() {
        List<Silence> out = new ArrayList<>();
        for (Resource x : figures()) {
            Resource counted = x.getPropertyResourceValue(COUNT_OF);
            Statement v = x.getProperty(Vocab.VALUE);
            if (counted == null || v == null) {
                continue;
            }
            Property p = m.getProperty(counted.getURI());
            List<Link> named = entity.listProperties(p).toList().stream()
                    .map(Statement::getObject)
                    .filter(o -> o.isURIResource() && o.asResource().getURI().startsWith(Namespaces.KGID))
                    .distinct()
                    .map(o -> Labels.link(o.asResource(), lang))
                    .sorted(Comparator.comparing(Link::text))
                    .toList();
            List<Resource> statements = m.listResourcesWithProperty(RDF.subject, x).toList().stream()
                    .filter(st -> st.hasProperty(RDF.predicate, Vocab.VALUE))
                    .sorted(Comparator.comparing(Resource::toString))
                    .toList();
            out.add(new Silence(
                    Labels.link(x, lang), sign(x) + number(v.getObject()), named, page.sources(statements)));
        }
        out.sort(Comparator.comparing(s -> s.measure().text()));
        return out;
    }

    /** A decimal as people write it: 1000.0 as "1,000", 2.40 as "2.4". */
    static String number(RDFNode n) {
        if (!n.isLiteral()) {
            return Labels.text(n.asResource(), "en");
        }
        try {
            BigDecimal d = new BigDecimal(n.asLiteral().getLexicalForm()).stripTrailingZeros();
            NumberFormat f = NumberFormat.getNumberInstance(Locale.ENGLISH);
            f.setMaximumFractionDigits(Math.max(0, d.scale()));
            return f.format(d);
        } catch (NumberFormatException e) {
            return n.asLiteral().getLexicalForm();
        }
    }

    private static String literalText(Resource r, Property p) {
        Statement s = r.getProperty(p);
        if (s == null || !s.getObject().isLiteral()) {
            return null;
        }
        Literal l = s.getLiteral();
        return l.getLexicalForm();
    }

    private static Property cikg(String local) {
        return ResourceFactory.createProperty(Namespaces.CIKG, local);
    }
}
