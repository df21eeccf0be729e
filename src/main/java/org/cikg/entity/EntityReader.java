package org.cikg.entity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.cikg.core.BoundQuery;
import org.cikg.core.Namespaces;
import org.cikg.sparql.CatalogQuery;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.QueryRunner;
import org.cikg.sparql.SystemQuery;
import org.cikg.sparql.Table;
import org.cikg.sparql.Terms;
import org.cikg.store.KnowledgeStore;
import org.cikg.store.version.DataVersion;
import org.cikg.store.version.DataVersionCache;
import org.springframework.stereotype.Component;

/**
 * Reads what the pages and Linked Data documents need, through the internal queries under
 * {@code queries/system/}. Request values reach the queries only as RDF terms from {@link Terms}.
 */
@Component
public class EntityReader {
    /** How long whole-store aggregates may be served without a change this process sees (a remote store's). */
    private static final java.time.Duration AGGREGATE_TTL = java.time.Duration.ofMinutes(1);

    private final QueryCatalog catalog;
    private final QueryRunner runner;
    private final DataVersionCache.Single<List<ClassCount>> classCounts;
    private final DataVersionCache.Single<List<SourceSummary>> sources;
    /** Reads entity graphs from the embedded store's indexes; null on a remote store (queries only). */
    private final EntityGraphReader direct;

    @org.springframework.beans.factory.annotation.Autowired
    public EntityReader(KnowledgeStore store, QueryCatalog catalog, DataVersion version) {
        this(store.runner(), catalog, version, store.isRemote() ? null : new EntityGraphReader(store.dataset()));
    }

    EntityReader(QueryRunner runner, QueryCatalog catalog) {
        this(runner, catalog, new DataVersion());
    }

    EntityReader(QueryRunner runner, QueryCatalog catalog, DataVersion version) {
        this(runner, catalog, version, null);
    }

    private EntityReader(QueryRunner runner, QueryCatalog catalog, DataVersion version, EntityGraphReader direct) {
        this.direct = direct;
        this.runner = runner;
        this.catalog = catalog;
        this.classCounts = DataVersionCache.single(version, this::computeClassCounts, AGGREGATE_TTL);
        this.sources = DataVersionCache.single(version, this::computeSources, AGGREGATE_TTL);
    }

    /** The graph of an entity (see {@code entity-graph.rq}); empty when the entity is not in the store. */
    public Optional<Model> entityGraph(Node entity) {
        return entityGraph(entity, runner);
    }

    /** The graph of an entity as {@code through} sees the store (the graph as of a year, say). */
    Optional<Model> entityGraph(Node entity, QueryRunner through) {
        // The store as it is now, embedded: straight from the indexes (the same graph as the query's).
        Graph g = direct != null && through == runner
                ? direct.read(entity)
                : through.construct(catalog.get(SystemQuery.ENTITY_GRAPH), Map.of("entity", entity));
        if (!g.contains(entity, Node.ANY, Node.ANY)) {
            return Optional.empty();
        }
        return Optional.of(withPrefixes(ModelFactory.createModelForGraph(g)));
    }

    /** Whether the store says anything about the entity. */
    boolean exists(Node entity) {
        return runner.ask(catalog.get(SystemQuery.ENTITY_EXISTS), Map.of("entity", entity));
    }

    /** The triples about the entity that inference added. */
    Set<Triple> inferred(Node entity) {
        return inferred(entity, runner);
    }

    /** The triples about the entity that inference added, as {@code through} sees the store. */
    Set<Triple> inferred(Node entity, QueryRunner through) {
        if (direct != null && through == runner) {
            return direct.inferred(entity);
        }
        Set<Triple> out = new HashSet<>();
        Table rows = through.select(catalog.get(SystemQuery.ENTITY_INFERRED), Map.of("entity", entity));
        rows.forEach(b -> out.add(Triple.create(b.get("s"), b.get("p"), b.get("o"))));
        return out;
    }

    /** The years the graph knows for the entity ({@code entity-years.rq}), oldest first. */
    List<Integer> years(Node entity) {
        List<Integer> out = new ArrayList<>();
        runner.select(catalog.get(SystemQuery.ENTITY_YEARS), Map.of("entity", entity))
                .forEach(b -> {
                    String lex = b.get("year").isLiteral() ? b.get("year").getLiteralLexicalForm() : "";
                    if (lex.matches("\\d{4}.*")) {
                        int y = Integer.parseInt(lex.substring(0, 4));
                        if (!out.contains(y)) {
                            out.add(y);
                        }
                    }
                });
        out.sort(Integer::compareTo);
        return out;
    }

    /** The text of the entity-graph query with the entity bound, for "open as SPARQL". */
    String entityQueryText(Node entity) {
        return BoundQuery.text(catalog.get(SystemQuery.ENTITY_GRAPH).query(), Map.of("entity", entity));
    }

    /** A class of the ontology with how many resources have it. */
    public record ClassCount(String local, String iri, String label, String comment, long count) {}

    /** Class counts, cached until the data changes (see {@link DataVersionCache}). */
    public List<ClassCount> classCounts() {
        return classCounts.get();
    }

    /** Source summaries, cached until the data changes. */
    public List<SourceSummary> sources() {
        return sources.get();
    }

    private List<ClassCount> computeClassCounts() {
        List<ClassCount> out = new ArrayList<>();
        runner.select(catalog.get(SystemQuery.CLASS_COUNTS), Map.of()).forEach(b -> {
            String iri = b.get("class").getURI();
            out.add(new ClassCount(
                    iri.substring(Namespaces.CIKG.length()),
                    iri,
                    b.get("label").getLiteralLexicalForm(),
                    lex(b, "comment"),
                    Long.parseLong(b.get("count").getLiteralLexicalForm())));
        });
        return out;
    }

    /** One member of a class listing. */
    public record Member(Link link, String localName, String localLang, String comment) {}

    /**
     * One page (1-based, {@code size} members) of a class's members, in label order; one member more than the page
     * when a next page exists.
     */
    List<Member> members(Node cls, LabelLanguage lang, int page, int size) {
        Map<String, Node> bindings = new LinkedHashMap<>();
        bindings.put("class", cls);
        if (!"en".equals(lang.code())) {
            bindings.put("lang", NodeFactory.createLiteralString(lang.code()));
        }
        Map<String, Member> out = new LinkedHashMap<>();
        CatalogQuery q = catalog.get(SystemQuery.CLASS_MEMBERS).slice((long) (page - 1) * size, size + 1L);
        runner.select(q, bindings).forEach(b -> {
            Node member = b.get("member");
            String label = lex(b, "label");
            String local = lex(b, "local");
            String text = label != null ? label : member.getURI();
            org.apache.jena.rdf.model.Resource r =
                    ModelFactory.createDefaultModel().createResource(member.getURI());
            out.putIfAbsent(
                    member.getURI(),
                    new Member(
                            new Link(text, Links.href(r, lang), "en"),
                            local,
                            local == null ? null : lang.code(),
                            lex(b, "comment")));
        });
        return new ArrayList<>(out.values());
    }

    /** A source document with how many statements cite it. */
    public record SourceSummary(
            String stem, String iri, String title, String language, String identifier, long statements) {}

    private List<SourceSummary> computeSources() {
        List<SourceSummary> out = new ArrayList<>();
        runner.select(catalog.get(SystemQuery.SOURCES), Map.of()).forEach(b -> {
            String iri = b.get("source").getURI();
            out.add(new SourceSummary(
                    iri.startsWith(Namespaces.KGSRC) ? iri.substring(Namespaces.KGSRC.length()) : iri,
                    iri,
                    lex(b, "title"),
                    lex(b, "language"),
                    lex(b, "identifier"),
                    Long.parseLong(b.get("statements").getLiteralLexicalForm())));
        });
        return out;
    }

    /** The graph of a source document; empty when there is no such document. */
    Optional<Model> sourceGraph(Node source) {
        Graph g = runner.construct(catalog.get(SystemQuery.SOURCE_GRAPH), Map.of("source", source));
        if (!g.contains(source, Node.ANY, Node.ANY)) {
            return Optional.empty();
        }
        return Optional.of(withPrefixes(ModelFactory.createModelForGraph(g)));
    }

    /** The ontology graph (classes, properties, concepts, shapes). */
    public Model ontology() {
        return withPrefixes(
                ModelFactory.createModelForGraph(runner.construct(catalog.get(SystemQuery.ONTOLOGY_GRAPH), Map.of())));
    }

    /** Entities with the most statements, for VoID's example resources. */
    List<String> exampleEntities() {
        List<String> out = new ArrayList<>();
        runner.select(catalog.get(SystemQuery.VOID_EXAMPLES), Map.of())
                .forEach(b -> out.add(b.get("entity").getURI()));
        return out;
    }

    /** A part of the data drawn from another data set (the gazetteer), with its source and licence. */
    record Subset(String iri, Node title, String source, String license, Node rights) {}

    List<Subset> subsets() {
        List<Subset> out = new ArrayList<>();
        runner.select(catalog.get(SystemQuery.VOID_SUBSETS), Map.of())
                .forEach(b -> out.add(new Subset(
                        b.get("subset").getURI(),
                        b.get("title"),
                        b.get("source").getURI(),
                        b.get("license").getURI(),
                        b.get("rights"))));
        return out;
    }

    private static String lex(Binding b, String var) {
        Node n = b.get(var);
        return n == null ? null : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }

    static Model withPrefixes(Model m) {
        return m.setNsPrefixes(Namespaces.of(
                "cikg", "kgid", "kgsrc", "kgst", "rdf", "rdfs", "owl", "xsd", "skos", "prov", "dcterms", "schema",
                "foaf", "org"));
    }
}
