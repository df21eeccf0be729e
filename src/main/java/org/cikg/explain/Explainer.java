package org.cikg.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.cikg.config.KgProperties;
import org.cikg.explain.Derivations.Status;
import org.cikg.explain.Derivations.Step;
import org.cikg.explain.Explanation.RuleRef;
import org.cikg.explain.Explanation.SchemaFact;
import org.cikg.explain.Explanation.Source;
import org.cikg.explain.Explanation.Term;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.QueryRunner;
import org.cikg.sparql.SystemQuery;
import org.cikg.store.Graphs;
import org.cikg.store.KnowledgeStore;
import org.cikg.store.version.DataVersion;
import org.cikg.store.version.DataVersionCache;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Explains a triple: an asserted one by its sources, an inferred one by the best of its derivations
 * ({@link DerivationSearch}), down to asserted facts. The best derivation uses only stated facts when one does (a
 * hedged fact anywhere below makes the explained fact hedged), then the fewest rule applications in a row.
 * Explanations are kept until the data changes.
 *
 * <pre>{@code
 * Optional<Explanation> e = explainer.explain(Triple.create(hangzhou, locatedIn, china), "en");
 * e.get().text();   // "Hangzhou located in China because Hangzhou located in Zhejiang (article 000 ¶6, stated) ..."
 * }</pre>
 *
 * <p>It stays one class (a little over 300 lines): choosing the cheapest derivation and writing the explanation from
 * it walk the same costs, step by step, and read best together; what it looks up in the store (sources, labels) is
 * {@link ExplanationLookups}'s.
 */
@Component
public class Explainer {
    private static final int MAX_CACHED = 20_000;

    private final QueryRunner runner;
    private final DerivationSearch search;
    private final InferenceRules rules;
    private final DataVersion version;
    private final DataVersionCache<Asked, Optional<Explanation>> explanations;
    private final DataVersionCache<Triple, Derivations> derivations;
    private final ExplanationLookups lookups;
    private volatile long searchVersion = Long.MIN_VALUE;

    private record Asked(Triple triple, String lang) {}

    @Autowired
    public Explainer(KnowledgeStore store, QueryCatalog catalog, KgProperties props, DataVersion version) {
        this(
                store.runner(),
                catalog,
                InferenceRules.fromQueries(props.sparql().queries()),
                version,
                store.isRemote()
                        ? DerivationSearch.byQuery(store.runner(), catalog.get(SystemQuery.EXPLAIN_STATUS))
                        : DerivationSearch.byIndex(store::dataset));
    }

    /** Over any runner; where triples are held is asked with {@code system/explain-status.rq}. */
    public Explainer(QueryRunner runner, QueryCatalog catalog, InferenceRules rules, DataVersion version) {
        this(
                runner,
                catalog,
                rules,
                version,
                DerivationSearch.byQuery(runner, catalog.get(SystemQuery.EXPLAIN_STATUS)));
    }

    private Explainer(
            QueryRunner runner,
            QueryCatalog catalog,
            InferenceRules rules,
            DataVersion version,
            java.util.function.Function<Triple, java.util.Set<Node>> graphsOf) {
        this.runner = runner;
        this.rules = rules;
        this.version = version;
        this.search = new DerivationSearch(runner, rules, graphsOf);
        this.explanations = new DataVersionCache<>(version, MAX_CACHED, java.time.Duration.ofMinutes(10));
        this.derivations = new DataVersionCache<>(version, MAX_CACHED, java.time.Duration.ofMinutes(10));
        this.lookups = new ExplanationLookups(runner, catalog, version, 5 * MAX_CACHED);
    }

    /** The rules, as read from their files. */
    public InferenceRules rules() {
        return rules;
    }

    /** Every derivation of a triple (for callers that combine them, such as the as-of view); kept until the data changes. */
    public Derivations derivations(Triple t) {
        return derivations.get(t, k -> searcher().search(t));
    }

    /** Whether the store holds {@code t} only because the rules added it (not asserted in the data or ontology). */
    public boolean isInferred(Triple t) {
        return runner.read(() -> searcher().status(t)) == Status.INFERRED;
    }

    /** Why {@code t} holds, labels in {@code lang}; empty when the store does not hold it. */
    public Optional<Explanation> explain(Triple t, String lang) {
        return explanations.get(new Asked(t, lang), k -> runner.read(() -> build(t, lang)));
    }

    private DerivationSearch searcher() {
        long v = version.current();
        if (v != searchVersion) {
            searchVersion = v;
            search.forget();
        }
        return search;
    }

    private Optional<Explanation> build(Triple t, String lang) {
        Derivations d = derivations(t);
        if (d.rootStatus() == Status.ABSENT) {
            return Optional.empty();
        }
        Request r = new Request(d, lang);
        return Optional.of(r.explain(t));
    }

    /** The work of one explanation: costs of the derivations found, sources and labels looked up once each. */
    private final class Request {
        private final Derivations d;
        private final String lang;
        /** The best known (hedged, depth) of each triple, and the rule application that gives it. */
        private final Map<Triple, Cost> best = new HashMap<>();

        /** Stated before hedged, then fewer rules in a row, then fewer facts, then a fixed order (stable pages). */
        private record Cost(boolean hedged, int depth, int size, String key, Step step) {
            static final Comparator<Cost> ORDER = Comparator.comparing(Cost::hedged)
                    .thenComparingInt(Cost::depth)
                    .thenComparingInt(Cost::size)
                    .thenComparing(Cost::key);
        }

        Request(Derivations d, String lang) {
            this.d = d;
            this.lang = lang;
            choose();
        }

        /**
         * The cheapest derivation of every inferred triple met, by rounds until nothing improves (the costs only fall,
         * so this ends; and the premises of a chosen derivation are always strictly shallower, so the chosen
         * derivations never loop).
         */
        private void choose() {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Map.Entry<Triple, List<Step>> e : d.steps().entrySet()) {
                    for (Step s : e.getValue()) {
                        Cost c = cost(s);
                        if (c == null) {
                            continue;
                        }
                        Cost was = best.get(e.getKey());
                        if (was == null || Cost.ORDER.compare(c, was) < 0) {
                            best.put(e.getKey(), c);
                            changed = true;
                        }
                    }
                }
            }
        }

        /** The cost of a rule application from its premises' current costs; null while one has none. */
        private Cost cost(Step s) {
            boolean hedged = false;
            int depth = 0;
            int size = 0;
            for (Triple u : s.used()) {
                Status st = d.status().getOrDefault(u, Status.ABSENT);
                if (st == Status.INFERRED) {
                    Cost c = best.get(u);
                    if (c == null) {
                        return null;
                    }
                    hedged |= c.hedged();
                    depth = Math.max(depth, c.depth());
                    size += c.size();
                } else if (st == Status.ASSERTED) {
                    hedged |= hedgedAsserted(u);
                    size++;
                }
            }
            String key = s.rule().name() + " " + s.used();
            return new Cost(hedged, depth + 1, size, key, s);
        }

        private boolean hedgedAsserted(Triple u) {
            List<Source> s = lookups.sources(u, lang);
            return !s.isEmpty() && s.stream().allMatch(Source::hedged);
        }

        Explanation explain(Triple t) {
            Status st = d.status().getOrDefault(t, Status.ABSENT);
            Term s = lookups.term(t.getSubject(), lang);
            Term p = lookups.term(t.getPredicate(), lang);
            Term o = lookups.term(t.getObject(), lang);
            if (st == Status.ASSERTED || st == Status.ONTOLOGY) {
                List<Source> src = st == Status.ASSERTED ? lookups.sources(t, lang) : List.of();
                boolean hedged = !src.isEmpty() && src.stream().allMatch(Source::hedged);
                String status = st == Status.ASSERTED ? "asserted" : "ontology";
                Explanation leaf = new Explanation(
                        s,
                        p,
                        o,
                        status,
                        hedged ? "hedged" : "stated",
                        null,
                        List.of(),
                        List.of(),
                        src,
                        (st == Status.ASSERTED ? Graphs.DATA : Graphs.ONTOLOGY).getURI(),
                        null);
                return withText(leaf);
            }
            Cost c = best.get(t);
            return c == null ? unreached(s, p, o) : derived(s, p, o, c);
        }

        /** Inferred, but no derivation reaches asserted facts within the search's bound: said, rather than invented. */
        private Explanation unreached(Term s, Term p, Term o) {
            return new Explanation(
                    s,
                    p,
                    o,
                    "inferred",
                    "stated",
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    Graphs.INFERRED.getURI(),
                    Explanation.phrase(s, p, o) + ": added by the inference rules; "
                            + "no derivation from asserted facts was found within the search's bound");
        }

        /** An inferred triple by its cheapest derivation {@code c}: the rule, its premises explained in turn. */
        private Explanation derived(Term s, Term p, Term o, Cost c) {
            Step step = c.step();
            List<Explanation> premises = new ArrayList<>();
            List<SchemaFact> schema = new ArrayList<>();
            for (Triple u : step.used()) {
                if (d.status().get(u) == Status.ONTOLOGY) {
                    schema.add(new SchemaFact(
                            lookups.term(u.getSubject(), lang),
                            ExplanationLookups.PREFIXES.shortForm(
                                    u.getPredicate().getURI()),
                            lookups.term(u.getObject(), lang)));
                } else {
                    premises.add(explain(u));
                }
            }
            step.paths()
                    .forEach(pf -> schema.add(new SchemaFact(
                            lookups.term(pf.subject(), lang), pf.path(), lookups.term(pf.object(), lang))));
            RuleRef rule = new RuleRef(
                    step.rule().name(), step.rule().file(), step.rule().description());
            Explanation e = new Explanation(
                    s,
                    p,
                    o,
                    "inferred",
                    c.hedged() ? "hedged" : "stated",
                    rule,
                    List.copyOf(premises),
                    List.copyOf(schema),
                    List.of(),
                    Graphs.INFERRED.getURI(),
                    null);
            return withText(e);
        }

        private Explanation withText(Explanation e) {
            String text;
            if (e.inferred()) {
                text = Explanation.phrase(e.subject(), e.predicate(), e.object()) + " because "
                        + e.premises().stream().map(Explanation::cited).collect(Collectors.joining(" and "))
                        + "; rule: " + e.rule().description()
                        + (e.hedged() ? ". Hedged: a fact it rests on is hedged by its source" : "");
            } else {
                text = Explanation.cited(e);
            }
            return new Explanation(
                    e.subject(),
                    e.predicate(),
                    e.object(),
                    e.status(),
                    e.certainty(),
                    e.rule(),
                    e.premises(),
                    e.schema(),
                    e.sources(),
                    e.graph(),
                    text);
        }
    }
}
