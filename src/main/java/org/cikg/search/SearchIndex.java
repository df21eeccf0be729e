package org.cikg.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.cikg.config.KgProperties;
import org.cikg.problem.StoreUnavailableException;
import org.cikg.sparql.QueryCatalog;
import org.cikg.store.KnowledgeStore;
import org.cikg.store.load.StoreLoaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A Lucene index of every {@code rdfs:label} and {@code skos:altLabel} of every entity, in every language, rebuilt
 * whenever the store's contents change (a {@link StoreLoaded} event, and at start-up when the index does not match
 * the store's data hash and load time). Searches keep using the previous index while a new one is built. The service
 * keeps it on disk in the store's folder ({@value #FOLDER}/, one sub-folder per data version, its version also in
 * the Lucene commit), so a restart over an unchanged store opens it in milliseconds instead of reading every name
 * again (about ten seconds per million triples).
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
    public static final String RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
    private static final Duration BUILD_LIMIT = Duration.ofMinutes(30);
    /** The index's folder inside the store's folder (TDB2 keeps to its own {@code Data-NNNN} folders). */
    static final String FOLDER = "search-index";
    /** The commit's user data entry naming the data version an index was built from. */
    private static final String DATA_KEY = "cikg.dataKey";

    private static final String F_ENTITY = "entity";
    private static final String F_NAME = "name";
    static final String F_LANG = "lang";
    static final String F_PROP = "prop";
    static final String F_KEY = "key";
    static final String F_WORDS = "words";
    static final String F_TYPES = "types";
    private static final String F_TYPE = "type";
    /** Which variant of the name a document indexes ({@link NameVariants.Kind}); absent for the name itself. */
    private static final String F_VIA = "via";
    static final String F_ZH_WORDS = "zhWords";
    static final String F_ZH_BIGRAMS = "zhBigrams";
    static final String F_RANK = "rank";
    static final String CONNECTEDNESS = "connectedness";

    // Score tiers: a clause's weight exceeds the sum of every lower tier and the bonuses, so tiers never mix.
    static final float EXACT = 1000f;
    static final float PREFIX = 300f;
    static final float ALL_WORDS = 120f;
    static final float WORD_PREFIX = 50f;
    static final float FUZZY = 20f;
    static final float FUZZY_WORDS = 8f;
    static final float BONUS_EN = 2f;
    static final float BONUS_LABEL = 1f;
    /** At most this much for connectedness: it only breaks ties within a tier and a bonus level. */
    static final float CONNECTED = 0.9f;

    private final KnowledgeStore store;
    private final QueryCatalog catalog;
    private final Path folder;
    private final NameNormalizer normalizer = new NameNormalizer();
    private final NameVariants variants = new NameVariants(normalizer);
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final Object building = new Object();

    /** An index held in memory only, rebuilt by every process (tests). */
    public SearchIndex(KnowledgeStore store, QueryCatalog catalog) {
        this(store, catalog, (Path) null);
    }

    /** As the service runs it: the index persisted in {@value #FOLDER} inside the store's folder. */
    @Autowired
    public SearchIndex(KnowledgeStore store, QueryCatalog catalog, KgProperties props) {
        this(store, catalog, props.store().location().resolve(FOLDER));
    }

    /**
     * An index persisted under {@code folder} (null: in memory), one sub-folder per version of the data, so a
     * restart over an unchanged store opens the index instead of reading every name again.
     */
    public SearchIndex(KnowledgeStore store, QueryCatalog catalog, Path folder) {
        this.store = store;
        this.catalog = catalog;
        this.folder = folder;
    }

    /**
     * A match: the entity, the name of it that matched (with its language and property), its most specific class,
     * and the score.
     */
    public record Hit(String entity, String name, String lang, String property, String type, float score,
                      String via) {
        /** A hit through the name itself (not a variant of it). */
        public Hit(String entity, String name, String lang, String property, String type, float score) {
            this(entity, name, lang, property, type, score, null);
        }
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
        rebuildIfStale(dataKey(event.report().hash(), event.report().loadedAt()));
    }

    /**
     * At start-up of the service (a web application), not of the command-line tools: {@code load} announces its
     * load with {@link StoreLoaded}, and the index of the contents it is about to replace would be wasted work. A
     * remote store that does not answer yet does not stop the service: the first search builds the index instead.
     */
    @EventListener(ApplicationReadyEvent.class)
    void onReady(ApplicationReadyEvent event) {
        if (event != null && !(event.getApplicationContext() instanceof WebServerApplicationContext)) {
            return;
        }
        try {
            refresh();
        } catch (StoreUnavailableException e) {
            LOG.warn("Search index not built at start-up ({}); the first search builds it", e.getMessage());
        }
    }

    /** Rebuilds (or opens) the index unless it already reflects the store's current contents. */
    public void refresh() {
        KnowledgeStore.StoreStatus status = store.status();
        rebuildIfStale(dataKey(status.hash(), status.loadedAt()));
    }

    /**
     * What identifies a version of the store's contents: the data hash of the loaded files and the time of the
     * load (a forced reload of the same files, or a bulk load, gets a new index too). Null for a store never loaded.
     */
    static String dataKey(String hash, java.time.Instant loadedAt) {
        return hash == null ? null : hash + "@" + loadedAt;
    }

    private void rebuildIfStale(String key) {
        synchronized (building) {
            Snapshot s = current.get();
            if (s != null && s.hash() != null && s.hash().equals(key)) {
                return;
            }
            Snapshot built = openOrBuild(key);
            Snapshot old = current.getAndSet(built);
            if (old != null) {
                release(old);
            }
            removeOtherVersions(key);
        }
    }

    /** The data hash the index was built from (null before the first build). */
    public String indexedHash() {
        String v = indexedVersion();
        return v == null ? null : v.substring(0, v.lastIndexOf('@'));
    }

    /** The version of the data (hash and load time) the index was built from (null before the first build). */
    public String indexedVersion() {
        Snapshot s = current.get();
        return s == null ? null : s.hash();
    }

    /** Whether the current index was opened from disk rather than built by this process. */
    public boolean openedFromDisk() {
        return openedFromDisk;
    }

    private volatile boolean openedFromDisk;

    /**
     * The index of this version of the data: opened from its folder when an earlier process (or an earlier load)
     * built it, else built from the store and, when persisted, written to a temporary folder that is renamed into
     * place only once complete (an interrupted build leaves nothing that would be opened).
     */
    private Snapshot openOrBuild(String key) {
        if (folder == null || key == null) {
            openedFromDisk = false;
            return build(key, new ByteBuffersDirectory());
        }
        Path dir = folder.resolve(folderName(key));
        if (Files.isDirectory(dir)) {
            try {
                Snapshot opened = open(key, FSDirectory.open(dir));
                if (opened != null) {
                    openedFromDisk = true;
                    return opened;
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Search index at {} unreadable ({}); rebuilding it", dir, e.toString());
            }
            deleteTree(dir);
        }
        Path tmp = folder.resolve(folderName(key) + ".tmp");
        try {
            deleteTree(tmp);
            Files.createDirectories(tmp);
            try (FSDirectory d = FSDirectory.open(tmp)) {
                build(key, d).reader().close();
            }
            Files.move(tmp, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Snapshot opened = open(key, FSDirectory.open(dir));
            if (opened == null) {
                throw new IllegalStateException("Search index just written to " + dir + " does not open");
            }
            openedFromDisk = false;
            return opened;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the search index under " + folder, e);
        }
    }

    /** The index in {@code dir} if it is complete and of this data version; else null. */
    private Snapshot open(String key, Directory dir) throws IOException {
        if (!DirectoryReader.indexExists(dir)) {
            return null;
        }
        DirectoryReader reader = DirectoryReader.open(dir);
        if (!key.equals(reader.getIndexCommit().getUserData().get(DATA_KEY))) {
            reader.close();
            return null;
        }
        long t0 = System.nanoTime();
        Map<String, OntologyClass> classes = readClasses();
        LOG.info("Search index: {} names opened from {} in {} ms", reader.numDocs(), folder,
                (System.nanoTime() - t0) / 1_000_000);
        return new Snapshot(key, reader, new IndexSearcher(reader), Collections.unmodifiableMap(classes),
                reader.numDocs());
    }

    /** Folders of other data versions (and unfinished builds) are of no further use. */
    private void removeOtherVersions(String key) {
        if (folder == null || key == null || !Files.isDirectory(folder)) {
            return;
        }
        String keep = folderName(key);
        try (java.util.stream.Stream<Path> dirs = Files.list(folder)) {
            for (Path d : dirs.toList()) {
                if (!d.getFileName().toString().equals(keep)) {
                    // Readers still searching the old index keep their open files (unlinked, not gone) until done.
                    deleteTree(d);
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot list {}: {}", folder, e.toString());
        }
    }

    private static String folderName(String key) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (java.util.stream.Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + p, e);
        }
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
        Query q = SearchQueries.build(key, words, variants.legalForms().strip(query), query, typeIri);
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
                            sd.score, d.get(F_VIA)));
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

    /** Typos allowed for a normalised string: none for very short ones, one up to seven characters, else two. */
    static int edits(String s) {
        int n = s.codePointCount(0, s.length());
        return n <= 3 ? 0 : n <= 7 ? 1 : 2;
    }

    static Query tier(Query q, float weight) {
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

    private Snapshot build(String hash, Directory dir) {
        long t0 = System.nanoTime();
        Map<String, OntologyClass> classes = readClasses();
        Map<String, String[]> typesOf = readTypes();
        Map<String, Set<String>> ancestors = new HashMap<>();
        Map<String, Integer> connected = readConnectedness();
        int[] names = {0};
        org.apache.lucene.analysis.Analyzer analyzer = new org.apache.lucene.analysis.miscellaneous
                .PerFieldAnalyzerWrapper(normalizer.analyzer(), Map.of(F_ZH_WORDS, ChineseAnalyzers.WORDS,
                        F_ZH_BIGRAMS, ChineseAnalyzers.BIGRAMS));
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
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
                if (Pinyin.isChinese(name.getLiteralLexicalForm())) {
                    d.add(new TextField(F_ZH_WORDS, name.getLiteralLexicalForm(), Field.Store.NO));
                    d.add(new TextField(F_ZH_BIGRAMS, name.getLiteralLexicalForm(), Field.Store.NO));
                }
                for (String t : types) {
                    d.add(new StringField(F_TYPES, t, Field.Store.NO));
                }
                String specific = mostSpecific(types, classes, ancestors);
                if (specific != null) {
                    d.add(new StoredField(F_TYPE, specific));
                }
                d.add(new org.apache.lucene.document.FeatureField(F_RANK, CONNECTEDNESS,
                        1 + connected.getOrDefault(entity.getURI(), 0)));
                try {
                    writer.addDocument(d);
                    // The same name again under each of its variants (pinyin, without its legal form).
                    for (NameVariants.Variant v : variants.of(name.getLiteralLexicalForm())) {
                        Document vd = new Document();
                        for (org.apache.lucene.index.IndexableField f : d) {
                            String n = f.name();
                            if (!n.equals(F_KEY) && !n.equals(F_WORDS) && !n.equals(F_ZH_WORDS)
                                    && !n.equals(F_ZH_BIGRAMS)) {
                                vd.add(f);
                            }
                        }
                        vd.add(new StringField(F_KEY, normalizer.key(v.text()), Field.Store.NO));
                        vd.add(new TextField(F_WORDS, v.text(), Field.Store.NO));
                        vd.add(new StoredField(F_VIA, v.kind().name()));
                        writer.addDocument(vd);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                names[0]++;
            });
            if (hash != null) {
                writer.setLiveCommitData(Map.of(DATA_KEY, hash).entrySet());
            }
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

    /** How many claims each entity takes part in (entities without any are absent). */
    private Map<String, Integer> readConnectedness() {
        Map<String, Integer> out = new HashMap<>();
        store.runner().forEachRow(catalog.get("system/search-connectedness"), Map.of(), BUILD_LIMIT, row ->
                out.put(row.get(Var.alloc("entity")).getURI(),
                        Integer.parseInt(row.get(Var.alloc("claims")).getLiteralLexicalForm())));
        return out;
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
