package org.cikg.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.StoreUnavailableException;
import org.cikg.store.KnowledgeStore;
import org.cikg.store.StoreLoaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A Lucene index of every {@code rdfs:label} and {@code skos:altLabel} of every entity, in every language, held in
 * memory and rebuilt whenever the store's contents change (a {@link StoreLoaded} event, and at start-up when the
 * index does not match the store's data hash). Searches keep using the previous index while a new one is built.
 *
 * <p>One document per name. Each name is indexed twice through {@link NameNormalizer}: as its whole normalised key
 * (for exact, prefix and fuzzy matching of the whole name) and as folded words (for names the query is only part
 * of, in any order). A hit's score falls in tiers, so an exact match always outranks a prefix match, which outranks
 * a fuzzy one; within a tier the {@code @en} name and {@code rdfs:label} get a small bonus over other languages and
 * {@code skos:altLabel}.
 *
 * <p>Building reads the store through three system queries: the ontology's classes (small), every entity's classes
 * (kept as one small array per entity, for the type filter), then the names, streamed row by row into the index
 * without collecting them.
 */
@Component
public class SearchIndex {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    static final String RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
    private static final Duration BUILD_LIMIT = Duration.ofMinutes(30);

    private static final String F_ENTITY = "entity";
    private static final String F_NAME = "name";
    private static final String F_LANG = "lang";
    private static final String F_PROP = "prop";
    private static final String F_KEY = "key";
    private static final String F_WORDS = "words";
    private static final String F_TYPES = "types";
    private static final String F_TYPE = "type";

    // Score tiers: a clause's weight exceeds the sum of every lower tier and the bonuses, so tiers never mix.
    private static final float EXACT = 1000f;
    static final float PREFIX = 300f;
    private static final float ALL_WORDS = 120f;
    private static final float WORD_PREFIX = 50f;
    private static final float FUZZY = 20f;
    private static final float FUZZY_WORDS = 8f;
    private static final float BONUS_EN = 2f;
    private static final float BONUS_LABEL = 1f;

    private final KnowledgeStore store;
    private final QueryCatalog catalog;
    private final NameNormalizer normalizer = new NameNormalizer();
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final Object building = new Object();

    public SearchIndex(KnowledgeStore store, QueryCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /**
     * A match: the entity, the name of it that matched (with its language and property), its most specific class,
     * and the score.
     */
    public record Hit(String entity, String name, String lang, String property, String type, float score) {
    }

    /**
     * An ontology class as search shows it.
     *
     * @param iri    the class IRI
     * @param supers its direct superclasses within the ontology
     * @param labels its labels by language tag
     */
    public record OntologyClass(String iri, Set<String> supers, Map<String, String> labels) {
    }

    private record Snapshot(String hash, DirectoryReader reader, IndexSearcher searcher,
                            Map<String, OntologyClass> classes, int names) {
    }

    @EventListener
    void onLoad(StoreLoaded event) {
        rebuildIfStale(event.report().hash());
    }

    /**
     * Builds the index once the service is up. A remote store that does not answer yet does not stop the service
     * (or a command that never searches): the first search builds the index instead.
     */
    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        try {
            refresh();
        } catch (StoreUnavailableException e) {
            LOG.warn("Search index not built at start-up ({}); the first search builds it", e.getMessage());
        }
    }

    /** Rebuilds the index unless it already reflects the store's current data hash. */
    public void refresh() {
        rebuildIfStale(store.status().hash());
    }

    private void rebuildIfStale(String hash) {
        synchronized (building) {
            Snapshot s = current.get();
            if (s != null && s.hash() != null && s.hash().equals(hash)) {
                return;
            }
            Snapshot built = build(hash);
            Snapshot old = current.getAndSet(built);
            if (old != null) {
                release(old);
            }
        }
    }

    /** The data hash the index was built from (null before the first build). */
    public String indexedHash() {
        Snapshot s = current.get();
        return s == null ? null : s.hash();
    }

    /** The ontology's classes, by IRI, as of the last build. */
    public Map<String, OntologyClass> classes() {
        Snapshot s = acquire();
        try {
            return s.classes();
        } finally {
            release(s);
        }
    }

    /**
     * The best-ranked entities whose names match {@code query}, one hit per entity (its best-matching name).
     *
     * @param query    what the user typed
     * @param typeIri  only entities of this class (subclasses included, as types are materialised); null for any
     * @param limit    at most this many hits
     */
    public List<Hit> search(String query, String typeIri, int limit) {
        String key = normalizer.key(query);
        List<String> words = normalizer.words(query);
        if (words.isEmpty()) {
            return List.of();
        }
        Query q = buildQuery(key, words, typeIri);
        Snapshot s = acquire();
        try {
            // Several names of one entity may match: read enough documents to fill the limit with distinct entities.
            int window = Math.min(Math.max(limit * 20, 100), 5000);
            TopDocs top = s.searcher().search(q, window);
            StoredFields stored = s.searcher().storedFields();
            Map<String, Hit> best = new LinkedHashMap<>();
            for (ScoreDoc sd : top.scoreDocs) {
                Document d = stored.document(sd.doc);
                String entity = d.get(F_ENTITY);
                if (!best.containsKey(entity)) {
                    best.put(entity, new Hit(entity, d.get(F_NAME), d.get(F_LANG), d.get(F_PROP), d.get(F_TYPE),
                            sd.score));
                    if (best.size() == limit) {
                        break;
                    }
                }
            }
            return List.copyOf(best.values());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(s);
        }
    }

    private Query buildQuery(String key, List<String> words, String typeIri) {
        BooleanQuery.Builder match = new BooleanQuery.Builder();
        match.add(tier(new TermQuery(new Term(F_KEY, key)), EXACT), Occur.SHOULD);
        match.add(tier(new PrefixQuery(new Term(F_KEY, key)), PREFIX), Occur.SHOULD);
        match.add(tier(allWords(words, false, false), ALL_WORDS), Occur.SHOULD);
        match.add(tier(allWords(words, true, false), WORD_PREFIX), Occur.SHOULD);
        int keyEdits = edits(key);
        if (keyEdits > 0) {
            match.add(tier(new FuzzyQuery(new Term(F_KEY, key), keyEdits), FUZZY), Occur.SHOULD);
        }
        match.add(tier(allWords(words, true, true), FUZZY_WORDS), Occur.SHOULD);

        BooleanQuery.Builder q = new BooleanQuery.Builder();
        q.add(match.build(), Occur.MUST);
        q.add(tier(new TermQuery(new Term(F_LANG, "en")), BONUS_EN), Occur.SHOULD);
        q.add(tier(new TermQuery(new Term(F_PROP, RDFS_LABEL)), BONUS_LABEL), Occur.SHOULD);
        if (typeIri != null) {
            q.add(new TermQuery(new Term(F_TYPES, typeIri)), Occur.FILTER);
        }
        return q.build();
    }

    /** Every query word must match a word of the name: exactly, or the last one as a prefix, or within a typo. */
    private static Query allWords(List<String> words, boolean lastAsPrefix, boolean fuzzy) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            BooleanQuery.Builder one = new BooleanQuery.Builder();
            one.add(new TermQuery(new Term(F_WORDS, w)), Occur.SHOULD);
            if (lastAsPrefix && i == words.size() - 1) {
                one.add(new PrefixQuery(new Term(F_WORDS, w)), Occur.SHOULD);
            }
            if (fuzzy && edits(w) > 0) {
                one.add(new FuzzyQuery(new Term(F_WORDS, w), edits(w)), Occur.SHOULD);
            }
            all.add(one.build(), Occur.MUST);
        }
        return all.build();
    }

    /** Typos allowed for a normalised string: none for very short ones, one up to seven characters, else two. */
    static int edits(String s) {
        int n = s.codePointCount(0, s.length());
        return n <= 3 ? 0 : n <= 7 ? 1 : 2;
    }

    private static Query tier(Query q, float weight) {
        return new BoostQuery(new ConstantScoreQuery(q), weight);
    }

    private Snapshot acquire() {
        while (true) {
            Snapshot s = current.get();
            if (s == null) {
                refresh();
                continue;
            }
            if (s.reader().tryIncRef()) {
                return s;
            }
        }
    }

    private static void release(Snapshot s) {
        try {
            s.reader().decRef();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Snapshot build(String hash) {
        long t0 = System.nanoTime();
        Map<String, OntologyClass> classes = readClasses();
        Map<String, String[]> typesOf = readTypes();
        Map<String, Set<String>> ancestors = new HashMap<>();
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        int[] names = {0};
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(normalizer.analyzer()))) {
            store.runner().forEachRow(catalog.get("system/search-labels"), Map.of(), BUILD_LIMIT, row -> {
                Node entity = row.get(Var.alloc("entity"));
                Node name = row.get(Var.alloc("name"));
                String key = normalizer.key(name.getLiteralLexicalForm());
                if (key.isEmpty()) {
                    return;
                }
                String[] types = typesOf.getOrDefault(entity.getURI(), new String[0]);
                Document d = new Document();
                d.add(new StringField(F_ENTITY, entity.getURI(), Field.Store.YES));
                d.add(new StoredField(F_NAME, name.getLiteralLexicalForm()));
                d.add(new StringField(F_LANG, name.getLiteralLanguage().toLowerCase(java.util.Locale.ROOT),
                        Field.Store.YES));
                d.add(new StringField(F_PROP, row.get(Var.alloc("property")).getURI(), Field.Store.YES));
                d.add(new StringField(F_KEY, key, Field.Store.NO));
                d.add(new TextField(F_WORDS, name.getLiteralLexicalForm(), Field.Store.NO));
                for (String t : types) {
                    d.add(new StringField(F_TYPES, t, Field.Store.NO));
                }
                String specific = mostSpecific(types, classes, ancestors);
                if (specific != null) {
                    d.add(new StoredField(F_TYPE, specific));
                }
                try {
                    writer.addDocument(d);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                names[0]++;
            });
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            DirectoryReader reader = DirectoryReader.open(dir);
            LOG.info("Search index: {} names of {} typed entities, {} classes, built in {} ms (data hash {})",
                    names[0], typesOf.size(), classes.size(), (System.nanoTime() - t0) / 1_000_000,
                    hash == null ? "none" : hash.substring(0, Math.min(12, hash.length())));
            return new Snapshot(hash, reader, new IndexSearcher(reader), Collections.unmodifiableMap(classes),
                    names[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, OntologyClass> readClasses() {
        Map<String, Set<String>> supers = new HashMap<>();
        Map<String, Map<String, String>> labels = new HashMap<>();
        store.runner().forEachRow(catalog.get("system/search-classes"), Map.of(), BUILD_LIMIT, row -> {
            String c = row.get(Var.alloc("class")).getURI();
            Set<String> sup = supers.computeIfAbsent(c, k -> new HashSet<>());
            labels.computeIfAbsent(c, k -> new HashMap<>());
            Node s = row.get(Var.alloc("super"));
            if (s != null && s.isURI()) {
                sup.add(s.getURI());
            }
            Node l = row.get(Var.alloc("label"));
            if (l != null && l.isLiteral()) {
                labels.get(c).put(l.getLiteralLanguage().toLowerCase(java.util.Locale.ROOT), l.getLiteralLexicalForm());
            }
        });
        Map<String, OntologyClass> out = new HashMap<>();
        supers.forEach((c, sup) -> out.put(c, new OntologyClass(c, Set.copyOf(sup), Map.copyOf(labels.get(c)))));
        return out;
    }

    /** Each entity's classes, as an array of shared (interned) class IRIs: a few dozen bytes per entity. */
    private Map<String, String[]> readTypes() {
        Map<String, String[]> out = new HashMap<>();
        Map<String, String> intern = new HashMap<>();
        store.runner().forEachRow(catalog.get("system/search-types"), Map.of(), BUILD_LIMIT, row -> {
            String e = row.get(Var.alloc("entity")).getURI();
            String t = intern.computeIfAbsent(row.get(Var.alloc("type")).getURI(), k -> k);
            String[] old = out.get(e);
            if (old == null) {
                out.put(e, new String[] {t});
            } else {
                String[] grown = java.util.Arrays.copyOf(old, old.length + 1);
                grown[old.length] = t;
                out.put(e, grown);
            }
        });
        return out;
    }

    /** The type none of the entity's other types is a subclass of; ties broken by IRI so the choice is stable. */
    static String mostSpecific(String[] types, Map<String, OntologyClass> classes,
                               Map<String, Set<String>> ancestorCache) {
        Set<String> general = new HashSet<>();
        for (String t : types) {
            Set<String> anc = new HashSet<>(ancestors(t, classes, ancestorCache));
            anc.remove(t);
            general.addAll(anc);
        }
        String best = null;
        for (String t : types) {
            if (!general.contains(t) && (best == null || depth(t, classes) > depth(best, classes)
                    || (depth(t, classes) == depth(best, classes) && t.compareTo(best) < 0))) {
                best = t;
            }
        }
        return best;
    }

    private static Set<String> ancestors(String c, Map<String, OntologyClass> classes, Map<String, Set<String>> cache) {
        Set<String> cached = cache.get(c);
        if (cached != null) {
            return cached;
        }
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(c));
        while (!todo.isEmpty()) {
            String x = todo.pop();
            if (seen.add(x)) {
                OntologyClass oc = classes.get(x);
                if (oc != null) {
                    todo.addAll(oc.supers());
                }
            }
        }
        cache.put(c, seen);
        return seen;
    }

    private static int depth(String c, Map<String, OntologyClass> classes) {
        return ancestors(c, classes, new HashMap<>()).size();
    }

    /** How many names the current index holds. */
    public int size() {
        Snapshot s = acquire();
        try {
            return s.names();
        } finally {
            release(s);
        }
    }
}
