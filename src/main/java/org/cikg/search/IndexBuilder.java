package org.cikg.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.vocabulary.RDFS;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.store.Directory;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.QueryRunner;
import org.cikg.sparql.SystemQuery;

/**
 * Writes the search index from the store, through three system queries: the ontology's classes (small), every
 * entity's classes (kept as one small array per entity, for the type filter), then the names, streamed row by row
 * into the index without collecting them. One document per name, each name indexed twice through
 * {@link NameNormalizer}: as its whole normalised key (for exact, prefix and fuzzy matching of the whole name) and as
 * folded words (for names the query is only part of, in any order), a Chinese name also as segmented words and as
 * character bigrams ({@link ChineseAnalyzers}); then once more under each of its variants ({@link NameVariants}:
 * pinyin, without its legal form). Each document carries how connected its entity is (the claims it takes part in)
 * for ranking ties. {@link NameQuery} searches these fields.
 */
final class IndexBuilder {
    static final String RDFS_LABEL = RDFS.label.getURI();
    /** The commit's user data entry naming the data version an index was built from. */
    static final String DATA_KEY = "cikg.dataKey";

    private static final Duration BUILD_LIMIT = Duration.ofMinutes(30);

    static final String F_ENTITY = "entity";
    static final String F_NAME = "name";
    static final String F_LANG = "lang";
    static final String F_PROP = "prop";
    static final String F_KEY = "key";
    static final String F_WORDS = "words";
    static final String F_TYPES = "types";
    static final String F_TYPE = "type";
    /** Which variant of the name a document indexes ({@link NameVariants.Kind}); absent for the name itself. */
    static final String F_VIA = "via";

    static final String F_ZH_WORDS = "zhWords";
    static final String F_ZH_BIGRAMS = "zhBigrams";
    static final String F_RANK = "rank";
    static final String CONNECTEDNESS = "connectedness";
    /** One over the number of words of the name: among names that start with the query, the shortest is closest. */
    static final String BREVITY = "brevity";

    private final QueryRunner runner;
    private final QueryCatalog catalog;
    private final NameNormalizer normalizer;
    private final NameVariants variants;

    IndexBuilder(QueryRunner runner, QueryCatalog catalog, NameNormalizer normalizer, NameVariants variants) {
        this.runner = runner;
        this.catalog = catalog;
        this.normalizer = normalizer;
        this.variants = variants;
    }

    /** What a build wrote: how many names, of how many typed entities, with the ontology's classes. */
    record Built(int names, int typedEntities, Map<String, SearchIndex.OntologyClass> classes) {}

    /** Writes one document per name into {@code dir} and commits it, marked with the data version {@code key}. */
    Built write(String key, Directory dir) {
        Map<String, SearchIndex.OntologyClass> classes = readClasses();
        Map<String, String[]> typesOf = readTypes();
        Map<String, Set<String>> ancestors = new HashMap<>();
        Map<String, Integer> connected = readConnectedness();
        int[] names = {0};
        Analyzer analyzer = new PerFieldAnalyzerWrapper(
                normalizer.analyzer(),
                Map.of(F_ZH_WORDS, ChineseAnalyzers.WORDS, F_ZH_BIGRAMS, ChineseAnalyzers.BIGRAMS));
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            runner.forEachRow(catalog.get(SystemQuery.SEARCH_LABELS), Map.of(), BUILD_LIMIT, row -> {
                Document d = document(row, typesOf, classes, ancestors, connected);
                if (d == null) {
                    return;
                }
                try {
                    writer.addDocument(d);
                    // The same name again under each of its variants (pinyin, without its legal form).
                    String name = row.get(Var.alloc("name")).getLiteralLexicalForm();
                    for (NameVariants.Variant v : variants.of(name)) {
                        writer.addDocument(variant(d, v));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                names[0]++;
            });
            if (key != null) {
                writer.setLiveCommitData(Map.of(DATA_KEY, key).entrySet());
            }
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Built(names[0], typesOf.size(), classes);
    }

    /** The document of one name, or null when the name normalises to nothing. */
    private Document document(
            Binding row,
            Map<String, String[]> typesOf,
            Map<String, SearchIndex.OntologyClass> classes,
            Map<String, Set<String>> ancestors,
            Map<String, Integer> connected) {
        Node entity = row.get(Var.alloc("entity"));
        Node name = row.get(Var.alloc("name"));
        String key = normalizer.key(name.getLiteralLexicalForm());
        if (key.isEmpty()) {
            return null;
        }
        String[] types = typesOf.getOrDefault(entity.getURI(), new String[0]);
        Document d = new Document();
        d.add(new StringField(F_ENTITY, entity.getURI(), Field.Store.YES));
        d.add(new StoredField(F_NAME, name.getLiteralLexicalForm()));
        d.add(new StringField(F_LANG, name.getLiteralLanguage().toLowerCase(Locale.ROOT), Field.Store.YES));
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
        d.add(new FeatureField(F_RANK, CONNECTEDNESS, 1 + connected.getOrDefault(entity.getURI(), 0)));
        d.add(new FeatureField(F_RANK, BREVITY, 1f / Math.max(1, key.split(" ").length)));
        return d;
    }

    /** The document of a name's variant: the name's document with the variant's key and words in place of its own. */
    private Document variant(Document named, NameVariants.Variant v) {
        Document vd = new Document();
        for (IndexableField f : named) {
            String n = f.name();
            if (!n.equals(F_KEY) && !n.equals(F_WORDS) && !n.equals(F_ZH_WORDS) && !n.equals(F_ZH_BIGRAMS)) {
                vd.add(f);
            }
        }
        vd.add(new StringField(F_KEY, normalizer.key(v.text()), Field.Store.NO));
        vd.add(new TextField(F_WORDS, v.text(), Field.Store.NO));
        vd.add(new StoredField(F_VIA, v.kind().name()));
        return vd;
    }

    /** How many claims each entity takes part in (entities without any are absent). */
    private Map<String, Integer> readConnectedness() {
        Map<String, Integer> out = new HashMap<>();
        runner.forEachRow(
                catalog.get(SystemQuery.SEARCH_CONNECTEDNESS),
                Map.of(),
                BUILD_LIMIT,
                row -> out.put(
                        row.get(Var.alloc("entity")).getURI(),
                        Integer.parseInt(row.get(Var.alloc("claims")).getLiteralLexicalForm())));
        return out;
    }

    /** The ontology's classes with their direct superclasses and labels. */
    Map<String, SearchIndex.OntologyClass> readClasses() {
        Map<String, Set<String>> supers = new HashMap<>();
        Map<String, Map<String, String>> labels = new HashMap<>();
        runner.forEachRow(catalog.get(SystemQuery.SEARCH_CLASSES), Map.of(), BUILD_LIMIT, row -> {
            String c = row.get(Var.alloc("class")).getURI();
            Set<String> sup = supers.computeIfAbsent(c, k -> new HashSet<>());
            labels.computeIfAbsent(c, k -> new HashMap<>());
            Node s = row.get(Var.alloc("super"));
            if (s != null && s.isURI()) {
                sup.add(s.getURI());
            }
            Node l = row.get(Var.alloc("label"));
            if (l != null && l.isLiteral()) {
                labels.get(c).put(l.getLiteralLanguage().toLowerCase(Locale.ROOT), l.getLiteralLexicalForm());
            }
        });
        Map<String, SearchIndex.OntologyClass> out = new HashMap<>();
        supers.forEach(
                (c, sup) -> out.put(c, new SearchIndex.OntologyClass(c, Set.copyOf(sup), Map.copyOf(labels.get(c)))));
        return out;
    }

    /** Each entity's classes, as an array of shared (interned) class IRIs: a few dozen bytes per entity. */
    private Map<String, String[]> readTypes() {
        Map<String, String[]> out = new HashMap<>();
        Map<String, String> intern = new HashMap<>();
        runner.forEachRow(catalog.get(SystemQuery.SEARCH_TYPES), Map.of(), BUILD_LIMIT, row -> {
            String e = row.get(Var.alloc("entity")).getURI();
            String t = intern.computeIfAbsent(row.get(Var.alloc("type")).getURI(), k -> k);
            String[] old = out.get(e);
            if (old == null) {
                out.put(e, new String[] {t});
            } else {
                String[] grown = Arrays.copyOf(old, old.length + 1);
                grown[old.length] = t;
                out.put(e, grown);
            }
        });
        return out;
    }

    /** The type none of the entity's other types is a subclass of; ties broken by IRI so the choice is stable. */
    static String mostSpecific(
            String[] types, Map<String, SearchIndex.OntologyClass> classes, Map<String, Set<String>> ancestorCache) {
        Set<String> general = new HashSet<>();
        for (String t : types) {
            Set<String> anc = new HashSet<>(ancestors(t, classes, ancestorCache));
            anc.remove(t);
            general.addAll(anc);
        }
        String best = null;
        for (String t : types) {
            if (!general.contains(t)
                    && (best == null
                            || depth(t, classes) > depth(best, classes)
                            || (depth(t, classes) == depth(best, classes) && t.compareTo(best) < 0))) {
                best = t;
            }
        }
        return best;
    }

    private static Set<String> ancestors(
            String c, Map<String, SearchIndex.OntologyClass> classes, Map<String, Set<String>> cache) {
        Set<String> cached = cache.get(c);
        if (cached != null) {
            return cached;
        }
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(c));
        while (!todo.isEmpty()) {
            String x = todo.pop();
            if (seen.add(x)) {
                SearchIndex.OntologyClass oc = classes.get(x);
                if (oc != null) {
                    todo.addAll(oc.supers());
                }
            }
        }
        cache.put(c, seen);
        return seen;
    }

    private static int depth(String c, Map<String, SearchIndex.OntologyClass> classes) {
        return ancestors(c, classes, new HashMap<>()).size();
    }
}
