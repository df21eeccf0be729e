package org.cikg.asof;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.cikg.core.Namespaces;
import org.cikg.explain.Derivations;
import org.cikg.explain.Derivations.Status;
import org.cikg.explain.Explainer;
import org.cikg.store.Graphs;
import org.cikg.store.KnowledgeStore;
import org.cikg.store.version.DataVersion;
import org.cikg.store.version.DataVersionCache;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * In which years each triple of the store holds ({@link Validity}), read from the dates the curated data gives:
 * <ul>
 *   <li>a resource's own life: an entity's {@code cikg:foundingYear}, {@code cikg:startYear} or
 *       {@code cikg:releaseYear} (a product) to its
 *       {@code cikg:endYear} (a value whose every statement has {@code cikg:rank cikg:DeprecatedRank} is left out,
 *       unless all are); a statement node's start and end years, within the lives of its subject and object; a
 *       figure ({@code cikg:Indicator}) from its {@code cikg:year} until the next figure of the same measure (English
 *       label), about the same thing, in the same unit: the value for a year, or the latest before it;</li>
 *   <li>an asserted triple holds within the lives of its subject and object, and, when statement nodes record it,
 *       in the years of at least one of them (a statement without years: always);</li>
 *   <li>an inferred triple holds in the years at least one of its derivations holds, a derivation holding where all
 *       the facts it uses hold ({@link Explainer#derivations}: the rules walked backwards);</li>
 *   <li>the ontology and the meta graph hold always.</li>
 * </ul>
 * What no date bounds holds always and is "undated" ({@link Validity#undatedIn}). Values are kept until the data
 * changes, and do not depend on the year asked, so one computation serves every year. Reads the embedded TDB2
 * dataset directly (its indexes, no query), inside the caller's read transaction when there is one.
 *
 * <p>It stays one class (a little over 300 lines): the life of a resource, the years of a statement node, a figure's
 * span and the fixpoint over derivations are one recursive computation over the same dataset, read transaction and
 * caches; split apart, each part would need the others passed back in.
 */
@Component
public class ValidityOracle {
    private static final Node FOUNDING_YEAR = cikg("foundingYear");
    private static final Node START_YEAR = cikg("startYear");
    private static final Node RELEASE_YEAR = cikg("releaseYear");
    private static final Node END_YEAR = cikg("endYear");
    private static final Node YEAR = cikg("year");
    private static final Node ABOUT = cikg("about");
    private static final Node UNIT = cikg("unit");
    private static final Node RANK = cikg("rank");
    private static final Node DEPRECATED = cikg("DeprecatedRank");
    private static final Node LABEL = NodeFactory.createURI(Namespaces.RDFS + "label");
    private static final Node SUBJECT = NodeFactory.createURI(Namespaces.RDF + "subject");
    private static final Node PREDICATE = NodeFactory.createURI(Namespaces.RDF + "predicate");
    private static final Node OBJECT = NodeFactory.createURI(Namespaces.RDF + "object");
    private static final Duration TTL = Duration.ofMinutes(10);

    private final Supplier<DatasetGraph> dataset;
    private final Explainer explainer;
    private final DataVersionCache<Node, Validity> lives;
    private final DataVersionCache<Node, Map<List<Node>, List<Node>>> claims;
    private final DataVersionCache<Triple, Validity> inferred;

    @Autowired
    public ValidityOracle(KnowledgeStore store, Explainer explainer, DataVersion version) {
        this(store::dataset, explainer, version);
    }

    public ValidityOracle(Supplier<DatasetGraph> dataset, Explainer explainer, DataVersion version) {
        this.dataset = dataset;
        this.explainer = explainer;
        this.lives = new DataVersionCache<>(version, 500_000, TTL);
        this.claims = new DataVersionCache<>(version, 100_000, TTL);
        this.inferred = new DataVersionCache<>(version, 200_000, TTL);
    }

    /** The validity of the quad {@code (g, s, p, o)}: how it holds in the graph {@code g}. */
    public Validity of(Node g, Node s, Node p, Node o) {
        if (Graphs.DATA.equals(g)) {
            return asserted(Triple.create(s, p, o));
        }
        if (Graphs.INFERRED.equals(g)) {
            return inferred(Triple.create(s, p, o));
        }
        return Validity.UNDATED;
    }

    /** Of a triple of the union: asserted when the data holds it, else inferred. */
    public Validity of(Triple t) {
        return read(() -> dsg().contains(Graphs.DATA, t.getSubject(), t.getPredicate(), t.getObject())
                ? asserted(t)
                : inferred(t));
    }

    /** Of an asserted triple: within the lives of its ends, in the years of one of its statements. */
    public Validity asserted(Triple t) {
        Validity v = life(t.getSubject()).and(life(t.getObject()));
        if (v.holds().isEmpty()) {
            return v;
        }
        List<Node> statements = claimsOf(t.getSubject()).get(List.of(t.getPredicate(), t.getObject()));
        if (statements == null || statements.isEmpty()) {
            return v;
        }
        Validity any = Validity.NEVER;
        for (Node st : statements) {
            any = any.or(ownYears(st));
        }
        return v.and(any);
    }

    /** Of an inferred triple: the union over its derivations of what all their facts allow. */
    public Validity inferred(Triple t) {
        Validity ends = life(t.getSubject()).and(life(t.getObject()));
        if (ends.holds().isEmpty()) {
            return ends;
        }
        return inferred.get(t, k -> read(() -> fixpoint(explainer.derivations(t), t)));
    }

    /**
     * The life of a resource: for an entity, from its founding or start year to its end year; for a statement node,
     * its own years within the lives of its subject and object; for a figure, its year until the next figure of the
     * same measure. Literals and undated resources: always.
     */
    public Validity life(Node n) {
        if (n == null || n.isLiteral()) {
            return Validity.UNDATED;
        }
        return lives.get(n, k -> read(() -> computeLife(n)));
    }

    /**
     * The founding, start or release years a resource has (deprecated values left out unless all are), earliest
     * first.
     */
    public List<Integer> startYears(Node n) {
        return read(() -> {
            List<Integer> out = new ArrayList<>(years(n, FOUNDING_YEAR));
            out.addAll(years(n, START_YEAR));
            out.addAll(years(n, RELEASE_YEAR));
            out.sort(Integer::compareTo);
            return out;
        });
    }

    private Validity computeLife(Node n) {
        DatasetGraph d = dsg();
        if (d.contains(Graphs.DATA, n, SUBJECT, Node.ANY)) {
            Validity v = ownYears(n);
            v = v.and(life(first(d, n, SUBJECT))).and(life(first(d, n, OBJECT)));
            return v;
        }
        if (d.contains(Graphs.DATA, n, YEAR, Node.ANY)) {
            return figureLife(n);
        }
        List<Integer> starts = startYears(n);
        List<Integer> ends = years(n, END_YEAR);
        if (starts.isEmpty() && ends.isEmpty()) {
            return Validity.UNDATED;
        }
        Integer from = starts.isEmpty() ? null : starts.get(0);
        Integer to =
                ends.isEmpty() ? null : ends.stream().max(Integer::compareTo).get();
        return Validity.dated(YearSet.range(from, to));
    }

    /** A figure holds from its year until the year before the next figure of the same measure, about, unit. */
    private Validity figureLife(Node indicator) {
        DatasetGraph d = dsg();
        Integer year = yearOf(first(d, indicator, YEAR));
        if (year == null) {
            return Validity.UNDATED;
        }
        Node about = first(d, indicator, ABOUT);
        Node unit = first(d, indicator, UNIT);
        String measure = englishLabel(d, indicator);
        Integer next = null;
        if (about != null) {
            Iterator<Quad> siblings = d.find(Graphs.DATA, Node.ANY, ABOUT, about);
            while (siblings.hasNext()) {
                Node other = siblings.next().getSubject();
                Integer y = yearOf(first(d, other, YEAR));
                if (y == null || y <= year || (next != null && y >= next)) {
                    continue;
                }
                if (java.util.Objects.equals(unit, first(d, other, UNIT))
                        && java.util.Objects.equals(measure, englishLabel(d, other))) {
                    next = y;
                }
            }
        }
        return Validity.dated(YearSet.range(year, next == null ? null : next - 1));
    }

    /** The years on a statement node itself; none: always. */
    private Validity ownYears(Node st) {
        DatasetGraph d = dsg();
        Integer start = yearOf(first(d, st, START_YEAR));
        Integer end = yearOf(first(d, st, END_YEAR));
        if (start == null && end == null) {
            return Validity.UNDATED;
        }
        return Validity.dated(YearSet.range(start, end));
    }

    /** The values of a year property of {@code n}, without those only deprecated statements give (unless all are). */
    private List<Integer> years(Node n, Node property) {
        DatasetGraph d = dsg();
        List<Integer> all = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        Iterator<Quad> it = d.find(Graphs.DATA, n, property, Node.ANY);
        while (it.hasNext()) {
            Node value = it.next().getObject();
            Integer y = yearOf(value);
            if (y == null) {
                continue;
            }
            all.add(y);
            List<Node> sts = claimsOf(n).getOrDefault(List.of(property, value), List.of());
            if (sts.isEmpty() || !sts.stream().allMatch(st -> d.contains(Graphs.DATA, st, RANK, DEPRECATED))) {
                kept.add(y);
            }
        }
        List<Integer> out = kept.isEmpty() ? all : kept;
        out.sort(Integer::compareTo);
        return out;
    }

    /** The statement nodes whose subject is {@code s}, by their (predicate, object). */
    private Map<List<Node>, List<Node>> claimsOf(Node s) {
        return claims.get(
                s,
                k -> read(() -> {
                    DatasetGraph d = dsg();
                    Map<List<Node>, List<Node>> out = new HashMap<>();
                    Iterator<Quad> it = d.find(Graphs.DATA, Node.ANY, SUBJECT, s);
                    while (it.hasNext()) {
                        Node st = it.next().getSubject();
                        Node p = first(d, st, PREDICATE);
                        Node o = first(d, st, OBJECT);
                        if (p != null && o != null) {
                            out.computeIfAbsent(List.of(p, o), x -> new ArrayList<>())
                                    .add(st);
                        }
                    }
                    return out;
                }));
    }

    /**
     * The least solution of: an inferred triple holds where one of its derivations holds, within the lives of its
     * ends. Starts from "never" and widens until nothing changes (every step only adds years, so it ends).
     */
    private Validity fixpoint(Derivations d, Triple root) {
        if (d.rootStatus() == Status.ASSERTED || d.rootStatus() == Status.ONTOLOGY) {
            // The data or ontology quad of the same triple decides; this inferred copy adds nothing.
            return d.rootStatus() == Status.ONTOLOGY ? Validity.UNDATED : Validity.NEVER;
        }
        Map<Triple, Validity> v = new LinkedHashMap<>();
        d.steps().keySet().forEach(t -> v.put(t, Validity.NEVER));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<Triple, List<Derivations.Step>> e : d.steps().entrySet()) {
                Validity union = Validity.NEVER;
                for (Derivations.Step s : e.getValue()) {
                    Validity all = Validity.UNDATED;
                    for (Triple u : s.used()) {
                        Status st = d.status().getOrDefault(u, Status.ABSENT);
                        all = all.and(
                                st == Status.INFERRED
                                        ? v.getOrDefault(u, Validity.NEVER)
                                        : st == Status.ASSERTED ? asserted(u) : Validity.UNDATED);
                    }
                    union = union.or(all);
                }
                Triple t = e.getKey();
                Validity next = union.and(life(t.getSubject())).and(life(t.getObject()));
                if (!next.equals(v.get(t))) {
                    v.put(t, next);
                    changed = true;
                }
            }
        }
        return v.getOrDefault(root, Validity.NEVER);
    }

    private DatasetGraph dsg() {
        return dataset.get();
    }

    private <T> T read(Supplier<T> work) {
        return Txn.calculateRead(dsg(), work::get);
    }

    private static Node first(DatasetGraph d, Node s, Node p) {
        Iterator<Quad> it = d.find(Graphs.DATA, s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    private static String englishLabel(DatasetGraph d, Node n) {
        Iterator<Quad> it = d.find(Graphs.DATA, n, LABEL, Node.ANY);
        while (it.hasNext()) {
            Node l = it.next().getObject();
            if (l.isLiteral() && "en".equalsIgnoreCase(l.getLiteralLanguage())) {
                return l.getLiteralLexicalForm();
            }
        }
        return null;
    }

    /** The year of an {@code xsd:gYear} (or integer) literal; null for anything else. */
    static Integer yearOf(Node n) {
        if (n == null || !n.isLiteral()) {
            return null;
        }
        String lex = n.getLiteralLexicalForm().strip();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("^(-?\\d{4})").matcher(lex);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static Node cikg(String local) {
        return NodeFactory.createURI(Namespaces.CIKG + local);
    }
}
