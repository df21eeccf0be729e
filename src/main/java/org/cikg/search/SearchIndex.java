package org.cikg.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
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
 * the Lucene commit: {@link IndexFolder}), so a restart over an unchanged store opens it in milliseconds instead of
 * reading every name again (about ten seconds per million triples).
 *
 * <p>What goes into the index is {@link IndexBuilder}'s; how a search is scored is {@link NameQuery}'s. This class
 * keeps the current index (a snapshot readers hold while they search), decides when to open or build one, and
 * answers searches.
 *
 * <p>It stays one class (a little over 300 lines): the snapshot's reference counting, the choice between opening
 * and rebuilding, and the search itself all guard the same snapshot, and are easiest to check for a leaked or
 * early-closed reader when read together.
 */
@Component
public class SearchIndex {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    /** The index's folder inside the store's folder (TDB2 keeps to its own {@code Data-NNNN} folders). */
    static final String FOLDER = "search-index";
    /** The score of a prefix match of a whole name. */
    static final float PREFIX = NameQuery.PREFIX;

    private final KnowledgeStore store;
    private final IndexFolder folder;
    private final NameNormalizer normalizer = new NameNormalizer();
    private final NameVariants variants = new NameVariants(normalizer);
    private final IndexBuilder builder;
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
        this.folder = folder == null ? null : new IndexFolder(folder);
        this.builder = new IndexBuilder(store.runner(), catalog, normalizer, variants);
    }

    /**
     * A match: the entity, the name of it that matched (with its language and property), its most specific class,
     * the score, and which variant of the name matched ({@link NameVariants.Kind}; null for the name itself).
     */
    public record Hit(String entity, String name, String lang, String property, String type, float score, String via) {
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
    public record OntologyClass(String iri, Set<String> supers, Map<String, String> labels) {}

    private record Snapshot(
            String hash,
            DirectoryReader reader,
            IndexSearcher searcher,
            Map<String, OntologyClass> classes,
            int names) {}

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
            if (folder != null && key != null) {
                folder.removeOtherVersions(key);
            }
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
     * built it, else built from the store (when persisted, into a folder renamed into place only once complete).
     */
    private Snapshot openOrBuild(String key) {
        long t0 = System.nanoTime();
        try {
            if (folder == null || key == null) {
                openedFromDisk = false;
                Directory memory = new ByteBuffersDirectory();
                return built(key, builder.write(key, memory), DirectoryReader.open(memory), t0);
            }
            DirectoryReader opened = folder.open(key);
            if (opened != null) {
                openedFromDisk = true;
                Map<String, OntologyClass> classes = builder.readClasses();
                LOG.info(
                        "Search index: {} names opened from {} in {} ms",
                        opened.numDocs(),
                        folder.root(),
                        (System.nanoTime() - t0) / 1_000_000);
                return new Snapshot(
                        key, opened, new IndexSearcher(opened), Collections.unmodifiableMap(classes), opened.numDocs());
            }
            IndexBuilder.Built[] built = new IndexBuilder.Built[1];
            DirectoryReader written = folder.write(key, dir -> built[0] = builder.write(key, dir));
            openedFromDisk = false;
            return built(key, built[0], written, t0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Snapshot built(String key, IndexBuilder.Built built, DirectoryReader reader, long t0) {
        LOG.info(
                "Search index: {} names of {} typed entities, {} classes, built in {} ms (data hash {})",
                built.names(),
                built.typedEntities(),
                built.classes().size(),
                (System.nanoTime() - t0) / 1_000_000,
                key == null ? "none" : key.substring(0, Math.min(12, key.length())));
        return new Snapshot(
                key, reader, new IndexSearcher(reader), Collections.unmodifiableMap(built.classes()), built.names());
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
        Query q = NameQuery.of(key, words, variants.legalForms().strip(query), query, typeIri);
        Snapshot s = acquire();
        try {
            // Several names of one entity may match: read enough documents to fill the limit with distinct entities.
            int window = Math.min(Math.max(limit * 20, 100), 5000);
            TopDocs top = s.searcher().search(q, window);
            StoredFields stored = s.searcher().storedFields();
            Map<String, Hit> best = new LinkedHashMap<>();
            for (ScoreDoc sd : top.scoreDocs) {
                Document d = stored.document(sd.doc);
                String entity = d.get(IndexBuilder.F_ENTITY);
                if (!best.containsKey(entity)) {
                    best.put(
                            entity,
                            new Hit(
                                    entity,
                                    d.get(IndexBuilder.F_NAME),
                                    d.get(IndexBuilder.F_LANG),
                                    d.get(IndexBuilder.F_PROP),
                                    d.get(IndexBuilder.F_TYPE),
                                    sd.score,
                                    d.get(IndexBuilder.F_VIA)));
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
