package org.cikg.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.vocabulary.RDFS;
import org.cikg.core.LabelPicker;
import org.cikg.core.Namespaces;
import org.cikg.problem.BadRequestException;
import org.cikg.search.EntityNames;
import org.cikg.search.LegalForms;
import org.cikg.search.NameNormalizer;
import org.cikg.search.NameVariants;
import org.cikg.search.SearchIndex;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.SystemQuery;
import org.cikg.sparql.Table;
import org.cikg.sparql.Terms;
import org.cikg.store.KnowledgeStore;
import org.springframework.stereotype.Component;

/**
 * Answers reconciliation queries from the search index.
 *
 * <p>Scoring: the index's match tier gives the base (an exact normalised name 100, the query a prefix of a name
 * 85, every word of the query in a name 75, the last word a prefix 65, within typos 55 or less). Each query property
 * then adds 5 when one of the candidate's values for it has the given name or id, or takes 20 off when none does
 * ({@code cikg:locatedIn} is materialised transitively, so a company in Binjiang District is in Hangzhou). A
 * candidate is a {@code match} when its name is an exact match, every property agrees, and the next candidate scores
 * at least 10 less: an exact name two entities share is never a match on its own. Legal forms ("Co., Ltd.",
 * "Holdings", 有限公司, 集团, "ООО", "شركة", {@link LegalForms}) are ignored: a name equal to the candidate's once they
 * are taken off both scores 95 and can be a match. Each candidate says which features matched.
 *
 * <p>It stays one class (a little over 300 lines): the scoring, the place-prefix retry, the type and property lists
 * of the manifest and {@link #describe} all read the same index, normaliser and legal forms, and the scoring rules
 * above are easiest to check against the code when they are read in one place. The cells of a data extension and
 * the manifest, which have no such tie, live in {@link ExtensionCells} and {@link ReconcileManifest}.
 */
@Component
public class Reconciler {
    public static final int MAX_LIMIT = 50;
    public static final int DEFAULT_LIMIT = 5;
    public static final int MAX_QUERY = 200;
    static final double MATCH_MARGIN = 10;

    private final SearchIndex index;
    private final KnowledgeStore store;
    private final QueryCatalog catalog;
    private final NameNormalizer normalizer = new NameNormalizer();
    private final LegalForms legalForms = new LegalForms(normalizer);
    static final double STRIPPED_EXACT = 95;

    public Reconciler(SearchIndex index, KnowledgeStore store, QueryCatalog catalog) {
        this.index = index;
        this.store = store;
        this.catalog = catalog;
    }

    /** One query of a batch, validated. */
    public record Query(String text, String typeIri, int limit, List<PropertyValue> properties) {}

    /** A property given to disambiguate: the property IRI and the value (a name or an entity slug). */
    public record PropertyValue(String property, String value) {}

    /** Validates one query's parts (400 naming the query and field). */
    public Query query(String key, String text, String type, Integer limit, List<PropertyValue> properties) {
        if (text == null || text.isBlank()) {
            throw new BadRequestException("Query '" + key + "' has no 'query' text");
        }
        if (text.length() > MAX_QUERY) {
            throw new BadRequestException("Query '" + key + "' is longer than " + MAX_QUERY + " characters");
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new BadRequestException("Query '" + key + "': 'limit' must be between 1 and " + MAX_LIMIT);
        }
        String typeIri = null;
        if (type != null && !type.isBlank()) {
            typeIri = Terms.ontologyTerm(key + ".type", type).getURI();
            if (!index.classes().containsKey(typeIri)) {
                throw new BadRequestException(
                        "Query '" + key + "': type '" + type + "' is not a class of the ontology");
            }
        }
        return new Query(text, typeIri, limit == null ? DEFAULT_LIMIT : limit, List.copyOf(properties));
    }

    /** The candidates for one query, best first. */
    public List<Candidate> reconcile(Query q) {
        String key = normalizer.key(q.text());
        List<SearchIndex.Hit> hits = index.search(q.text(), q.typeIri(), Math.max(q.limit(), 10));
        if (hits.isEmpty()) {
            Query withoutPlace = placePrefixRemoved(q);
            if (withoutPlace != null) {
                // Not the name as given: never exact, so never a match, and scored below a whole-name hit.
                return reconcile(withoutPlace).stream()
                        .map(c -> new Candidate(
                                c.id(),
                                c.name(),
                                c.description(),
                                c.type(),
                                Math.min(c.score(), 80),
                                false,
                                c.features()))
                        .toList();
            }
        }
        return store.runner().read(() -> {
            List<Scored> scored = new ArrayList<>();
            String strippedKey = legalForms.strip(q.text());
            for (SearchIndex.Hit h : hits) {
                scored.add(scored(q, key, strippedKey, h));
            }
            scored.sort(Comparator.comparingDouble(Scored::score).reversed());
            List<Candidate> out = new ArrayList<>();
            for (int i = 0; i < scored.size() && i < q.limit(); i++) {
                Scored s = scored.get(i);
                boolean clear = i == 0
                        && s.exactAndAgreeing()
                        && (scored.size() == 1 || s.score() - scored.get(1).score() >= MATCH_MARGIN);
                out.add(dress(s, clear));
            }
            return out;
        });
    }

    /** One hit scored against the query ({@code key}: its normalised text; {@code strippedKey}: without legal forms). */
    private Scored scored(Query q, String key, String strippedKey, SearchIndex.Hit h) {
        boolean exact = normalizer.key(h.name()).equals(key);
        boolean strippedExact =
                !exact && !strippedKey.isEmpty() && legalForms.strip(h.name()).equals(strippedKey);
        double score = exact ? 100 : strippedExact ? STRIPPED_EXACT : base(h.score());
        boolean allAgree = true;
        for (PropertyValue pv : q.properties()) {
            if (agrees(h.entity(), pv)) {
                score += 5;
            } else {
                score -= 20;
                allAgree = false;
            }
        }
        List<Candidate.Feature> features = new ArrayList<>();
        features.add(new Candidate.Feature("name", exact || strippedExact ? 1.0 : Math.round(base(h.score())) / 100.0));
        features.add(new Candidate.Feature("alias", !RDFS.label.getURI().equals(h.property())));
        if (q.typeIri() != null) {
            features.add(new Candidate.Feature("type", true));
        }
        features.add(new Candidate.Feature(
                "suffix_stripped",
                strippedExact || NameVariants.Kind.SUFFIX_STRIPPED.name().equals(h.via())));
        features.add(
                new Candidate.Feature("pinyin", NameVariants.Kind.PINYIN.name().equals(h.via())));
        return new Scored(
                h, Math.max(0, Math.min(100, score)), (exact || strippedExact) && allAgree, List.copyOf(features));
    }

    /**
     * Chinese legal names put the city first ("Hangzhou DeepSeek ..."): when a query finds nothing and its first
     * words are exactly the name of a place, the rest is searched instead, with the place as a
     * {@code cikg:locatedIn} property to confirm it. Null when the query does not start with a place name.
     */
    private Query placePrefixRemoved(Query q) {
        List<String> words = normalizer.words(q.text());
        for (int n = Math.min(3, words.size() - 1); n >= 1; n--) {
            String place = String.join(" ", words.subList(0, n));
            List<SearchIndex.Hit> hits = index.search(place, Namespaces.CIKG + "Place", 1);
            if (!hits.isEmpty() && normalizer.key(hits.get(0).name()).equals(place)) {
                List<PropertyValue> props = new ArrayList<>(q.properties());
                props.add(new PropertyValue(
                        Namespaces.CIKG + "locatedIn",
                        Terms.slugOf(NodeFactory.createURI(hits.get(0).entity()))));
                return new Query(
                        String.join(" ", words.subList(n, words.size())), q.typeIri(), q.limit(), List.copyOf(props));
            }
        }
        return null;
    }

    private record Scored(
            SearchIndex.Hit hit, double score, boolean exactAndAgreeing, List<Candidate.Feature> features) {}

    /** The index's tiers (see {@link SearchIndex}) mapped onto 0-100 below an exact match. */
    private static double base(float indexScore) {
        if (indexScore >= 300) {
            return 85;
        }
        if (indexScore >= 120) {
            return 75;
        }
        if (indexScore >= 50) {
            return 65;
        }
        return indexScore >= 20 ? 55 : 45;
    }

    private boolean agrees(String entity, PropertyValue pv) {
        String wantKey = normalizer.key(pv.value());
        String wantIri = pv.value().matches("[a-z0-9]+(-[a-z0-9]+)*") ? Namespaces.KGID + pv.value() : pv.value();
        for (Binding b : store.runner()
                .selectInTxn(
                        catalog.get(SystemQuery.RECONCILE_VALUES),
                        Map.of(
                                "entity",
                                NodeFactory.createURI(entity),
                                "property",
                                NodeFactory.createURI(pv.property())))) {
            Node value = b.get(Var.alloc("value"));
            Node name = b.get(Var.alloc("name"));
            if (value.isURI() && value.getURI().equals(wantIri)) {
                return true;
            }
            if (value.isLiteral()
                    && normalizer.key(value.getLiteralLexicalForm()).equals(wantKey)) {
                return true;
            }
            if (name != null
                    && name.isLiteral()
                    && normalizer.key(name.getLiteralLexicalForm()).equals(wantKey)) {
                return true;
            }
        }
        return false;
    }

    private Candidate dress(Scored s, boolean match) {
        Node entity = NodeFactory.createURI(s.hit().entity());
        EntityNames names = EntityNames.read(store.runner(), catalog, entity);
        Map<String, String> labels = names.labels();
        Map<String, String> comments = names.comments();
        List<Candidate.TypeRef> types =
                s.hit().type() == null ? List.of() : List.of(typeRef(s.hit().type()));
        return new Candidate(
                Terms.slugOf(entity),
                LabelPicker.best(labels, "en").orElse(s.hit().name()),
                LabelPicker.best(comments, "en").orElse(null),
                types,
                Math.round(s.score() * 10) / 10.0,
                match,
                s.features());
    }

    /** A class as {@code {id: local name, name: English label}}. */
    Candidate.TypeRef typeRef(String classIri) {
        String local = classIri.substring(classIri.lastIndexOf('#') + 1);
        SearchIndex.OntologyClass c = index.classes().get(classIri);
        String name = c == null ? null : LabelPicker.best(c.labels(), "en").orElse(null);
        return new Candidate.TypeRef(local, name == null ? local : name);
    }

    /** The ontology's classes in the cikg namespace, by English name. */
    public List<Candidate.TypeRef> classes() {
        return index.classes().keySet().stream()
                .filter(c -> c.startsWith(Namespaces.CIKG))
                .map(this::typeRef)
                .sorted(Comparator.comparing(Candidate.TypeRef::name))
                .toList();
    }

    /** The ontology's properties in the cikg namespace: local name, English label, English comment. */
    public List<String[]> properties() {
        Table rows = store.runner().select(catalog.get(SystemQuery.RECONCILE_PROPERTIES), Map.of());
        Map<String, String[]> out = new LinkedHashMap<>();
        Map<String, List<Node>> labels = new HashMap<>();
        for (Binding b : rows) {
            String iri = b.get(Var.alloc("property")).getURI();
            String local = iri.substring(Namespaces.CIKG.length());
            Node comment = b.get(Var.alloc("comment"));
            String[] row = out.computeIfAbsent(local, k -> new String[] {k, k, null});
            labels.computeIfAbsent(local, k -> new ArrayList<>()).add(b.get(Var.alloc("label")));
            if (comment != null) {
                row[2] = comment.getLiteralLexicalForm();
            }
        }
        out.forEach((local, row) ->
                LabelPicker.best(labels.get(local), "en").ifPresent(l -> row[1] = l.getLiteralLexicalForm()));
        return out.values().stream()
                .sorted(Comparator.comparing((String[] r) -> r[0]))
                .toList();
    }

    /** Whether a prefix typed in a suggest box matches a name (normalised, word-wise prefix). */
    boolean prefixMatches(String prefix, String... names) {
        String p = normalizer.key(prefix);
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (n == null || !seen.add(n)) {
                continue;
            }
            String k = normalizer.key(n);
            if (k.startsWith(p) || k.contains(" " + p)) {
                return true;
            }
            // camelCase local names: "locatedIn" should answer "in" and "located in".
            String spaced = normalizer.key(n.replaceAll("(?<=\\p{Ll})(?=\\p{Lu})", " "));
            if (spaced.startsWith(p) || spaced.contains(" " + p)) {
                return true;
            }
        }
        return false;
    }

    /** Name, type and gloss of one entity for the preview card; null when the slug names no entity. */
    public Candidate describe(String slug) {
        Node entity = Terms.entity("id", slug);
        return store.runner().read(() -> {
            EntityNames names = EntityNames.read(store.runner(), catalog, entity);
            Map<String, String> labels = names.labels();
            Map<String, String> comments = names.comments();
            if (labels.isEmpty()) {
                return null;
            }
            String name = labels.getOrDefault("en", labels.values().iterator().next());
            List<SearchIndex.Hit> hits = index.search(name, null, 20);
            List<Candidate.TypeRef> type = hits.stream()
                    .filter(h -> h.entity().equals(entity.getURI()) && h.type() != null)
                    .findFirst()
                    .map(h -> List.of(typeRef(h.type())))
                    .orElse(List.of());
            return new Candidate(Terms.slugOf(entity), name, comments.get("en"), type, 100, false);
        });
    }
}
