package org.cikg.explain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.path.PathWriter;
import org.cikg.core.Namespaces;
import org.cikg.explain.Derivations.PathFact;
import org.cikg.explain.Derivations.Status;
import org.cikg.explain.Derivations.Step;
import org.cikg.sparql.CatalogQuery;
import org.cikg.sparql.QueryRunner;
import org.cikg.store.Graphs;

/**
 * Walks the inference rules backwards from a triple: for each rule whose conclusion pattern fits the triple, the
 * rule's body runs with the conclusion's variables bound to the triple's terms, and each answer, put back into the
 * body's triple patterns, gives the facts that rule application used. Premises that are themselves inferred are
 * explained the same way, breadth first, up to {@value #MAX_INFERRED} inferred triples per search (a bound no
 * derivation in the curated or synthetic graphs comes near: a location five levels deep needs fifteen).
 *
 * <p>Runs through a {@link QueryRunner}, so it works over the embedded store and over a remote one. A search is
 * used by one thread; whether a rule can conclude a predicate at all is remembered across searches until
 * {@link #forget()} (the data changed).
 */
public final class DerivationSearch {
    static final int MAX_INFERRED = 2_000;
    /** Prefixes for writing property paths ({@code rdfs:subPropertyOf+}). */
    private static final Prologue PATHS = new Prologue(Namespaces.mapping("cikg", "rdf", "rdfs", "owl", "skos"));

    private final QueryRunner runner;
    private final InferenceRules rules;
    private final java.util.function.Function<Triple, Set<Node>> graphsOf;
    private final Map<String, Boolean> applies = new ConcurrentHashMap<>();
    /** Where triples are held, across searches (many explanations share their upper links: Hangzhou in China). */
    private final com.github.benmanes.caffeine.cache.Cache<Triple, Status> statuses =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumSize(200_000)
                    .build();
    /** The rule applications concluding each inferred triple, across searches (they share their upper links too). */
    private final com.github.benmanes.caffeine.cache.Cache<Triple, List<Step>> backward =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumSize(100_000)
                    .build();

    /**
     * @param graphsOf the named graphs holding a triple: {@code system/explain-status.rq} through the runner, or (on
     *                 the embedded store) three index look-ups, which is the cheaper answer to the commonest question
     *                 of a search
     */
    public DerivationSearch(
            QueryRunner runner, InferenceRules rules, java.util.function.Function<Triple, Set<Node>> graphsOf) {
        this.runner = runner;
        this.rules = rules;
        this.graphsOf = graphsOf;
    }

    /** Forget what was learnt about the rules and the data (after a load). */
    public void forget() {
        applies.clear();
        statuses.invalidateAll();
        backward.invalidateAll();
    }

    /** Where a triple is held, remembered until {@link #forget()}. */
    public Status status(Triple t) {
        return statuses.get(t, this::lookUp);
    }

    /** Every derivation of {@code root} (none when it is asserted or absent). */
    public Derivations search(Triple root) {
        return runner.read(() -> walk(root));
    }

    private Derivations walk(Triple root) {
        Map<Triple, Status> status = new HashMap<>();
        Map<Triple, List<Step>> steps = new LinkedHashMap<>();
        Status rootStatus = status(root, status);
        if (rootStatus != Status.INFERRED) {
            return new Derivations(root, Map.copyOf(status), Map.of(), true);
        }
        Deque<Triple> queue = new ArrayDeque<>();
        queue.add(root);
        Set<Triple> seen = new LinkedHashSet<>(List.of(root));
        boolean complete = true;
        while (!queue.isEmpty()) {
            Triple t = queue.poll();
            if (steps.size() >= MAX_INFERRED) {
                complete = false;
                break;
            }
            List<Step> found = backward.get(t, k -> backward(t, status));
            steps.put(t, found);
            for (Step s : found) {
                for (Triple u : s.used()) {
                    if (status(u, status) == Status.INFERRED && seen.add(u)) {
                        queue.add(u);
                    }
                }
            }
        }
        return new Derivations(root, status, steps, complete);
    }

    /** The rule applications that conclude {@code t}. */
    private List<Step> backward(Triple t, Map<Triple, Status> status) {
        Set<Step> out = new LinkedHashSet<>();
        for (InferenceRules.Rule rule : rules.rules()) {
            for (Triple conclusion : rule.conclusions()) {
                Map<String, Node> bound = unify(conclusion, t);
                if (bound == null || !applies(rule, conclusion, t)) {
                    continue;
                }
                for (Binding row : runner.selectInTxn(rule.body(), bound)) {
                    Step s = step(rule, t, bound, row, status);
                    if (s != null) {
                        out.add(s);
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** The rule application one answer of the body describes; null when it would use {@code t} itself. */
    private Step step(
            InferenceRules.Rule rule, Triple t, Map<String, Node> bound, Binding row, Map<Triple, Status> status) {
        List<Triple> used = new ArrayList<>();
        List<PathFact> paths = new ArrayList<>();
        for (TriplePath tp : rule.patterns()) {
            Node s = value(tp.getSubject(), bound, row);
            Node o = value(tp.getObject(), bound, row);
            if (s == null || o == null) {
                continue;
            }
            if (tp.isTriple()) {
                Node p = value(tp.getPredicate(), bound, row);
                if (p == null) {
                    continue;
                }
                Triple u = Triple.create(s, p, o);
                if (u.equals(t)) {
                    return null;
                }
                // A pattern of a UNION branch this answer did not take is not in the store: not a premise.
                if (status(u, status) != Status.ABSENT && !used.contains(u)) {
                    used.add(u);
                }
            } else {
                // "(rdfs:subClassOf)+" as a person writes it: "rdfs:subClassOf+".
                String path = PathWriter.asString(tp.getPath(), PATHS).replaceFirst("^\\((\\S+)\\)([+*?])$", "$1$2");
                paths.add(new PathFact(s, path, o));
            }
        }
        return new Step(rule, List.copyOf(used), List.copyOf(paths));
    }

    private static Node value(Node n, Map<String, Node> bound, Binding row) {
        if (!n.isVariable()) {
            return n;
        }
        Node v = bound.get(n.getName());
        return v != null ? v : row.get(Var.alloc(n));
    }

    /** The variables of a conclusion pattern bound to the triple's terms; null when the triple does not fit. */
    static Map<String, Node> unify(Triple pattern, Triple t) {
        Map<String, Node> out = new LinkedHashMap<>();
        Node[] ps = {pattern.getSubject(), pattern.getPredicate(), pattern.getObject()};
        Node[] ts = {t.getSubject(), t.getPredicate(), t.getObject()};
        for (int i = 0; i < 3; i++) {
            if (ps[i].isVariable()) {
                Node was = out.putIfAbsent(ps[i].getName(), ts[i]);
                if (was != null && !was.equals(ts[i])) {
                    return null;
                }
            } else if (!ps[i].equals(ts[i])) {
                return null;
            }
        }
        return out;
    }

    /**
     * Whether the rule concludes anything with this triple's predicate: its body, with only the conclusion's
     * predicate variable bound, has an answer. Saves running every rule's body for every triple.
     */
    private boolean applies(InferenceRules.Rule rule, Triple conclusion, Triple t) {
        Node p = conclusion.getPredicate();
        if (!p.isVariable()) {
            return true;
        }
        String key = rule.name() + " " + NodeFmtLib.strNT(t.getPredicate());
        return applies.computeIfAbsent(key, k -> runner.ask(rule.applies(), Map.of(p.getName(), t.getPredicate())));
    }

    /** Where a triple is held (data and ontology before inferred), remembered until {@link #forget()}. */
    private Status status(Triple t, Map<Triple, Status> known) {
        Status s = known.get(t);
        if (s == null) {
            s = statuses.get(t, this::lookUp);
            known.put(t, s);
        }
        return s;
    }

    private Status lookUp(Triple t) {
        Set<Node> graphs = graphsOf.apply(t);
        return graphs.contains(Graphs.DATA)
                ? Status.ASSERTED
                : graphs.contains(Graphs.ONTOLOGY)
                        ? Status.ONTOLOGY
                        : graphs.contains(Graphs.INFERRED) ? Status.INFERRED : Status.ABSENT;
    }

    /** The named graphs holding a triple, asked with {@code query} ({@code system/explain-status.rq}). */
    public static java.util.function.Function<Triple, Set<Node>> byQuery(QueryRunner runner, CatalogQuery query) {
        return t -> {
            Set<Node> graphs = new java.util.HashSet<>();
            runner.selectInTxn(query, Map.of("s", t.getSubject(), "p", t.getPredicate(), "o", t.getObject()))
                    .forEach(b -> graphs.add(b.get("g")));
            return graphs;
        };
    }

    /** The named graphs of {@link Graphs} holding a triple, read from the embedded dataset's indexes. */
    public static java.util.function.Function<Triple, Set<Node>> byIndex(
            java.util.function.Supplier<org.apache.jena.sparql.core.DatasetGraph> dataset) {
        return t -> {
            Set<Node> graphs = new java.util.HashSet<>();
            for (Node g : List.of(Graphs.DATA, Graphs.ONTOLOGY, Graphs.INFERRED)) {
                if (dataset.get().contains(g, t.getSubject(), t.getPredicate(), t.getObject())) {
                    graphs.add(g);
                }
            }
            return graphs;
        };
    }
}
