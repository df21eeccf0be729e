package org.cikg.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.cikg.config.KgProperties;
import org.cikg.core.Namespaces;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.SystemQuery;
import org.cikg.store.KnowledgeStore;
import org.cikg.store.load.DataLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entity graph read from the indexes ({@link EntityGraphReader}) is the graph {@code entity-graph.rq} constructs,
 * and the inferred triples it reads are those {@code entity-inferred.rq} selects, for every entity of the curated
 * data and the ontology: the query files stay the definition of what a page and an RDF document hold.
 */
class EntityGraphReaderTest {
    @TempDir
    static Path tmp;

    private static KnowledgeStore store;
    private static QueryCatalog catalog;

    @BeforeAll
    static void load() {
        KgProperties props = new KgProperties(
                new KgProperties.Store(tmp.resolve("tdb2"), Path.of("ontology"), Path.of("data")),
                new KgProperties.Sparql(Duration.ofSeconds(30), Path.of("queries")),
                new KgProperties.Fuseki(false, 0),
                new KgProperties.Admin("admin", ""));
        catalog = new QueryCatalog(props);
        store = new KnowledgeStore(props, catalog);
        new DataLoader(store, props, catalog).loadIfChanged();
    }

    @AfterAll
    static void close() {
        store.destroy();
    }

    @Test
    void everyEntityGraphIsTheQuerysGraph() {
        EntityGraphReader direct = new EntityGraphReader(store.dataset());
        EntityReader byQuery = new EntityReader(store.runner(), catalog);
        List<Node> entities = subjects();
        assertThat(entities).hasSizeGreaterThan(300);
        List<String> different = new ArrayList<>();
        int triples = 0;
        for (Node e : entities) {
            Graph expected = store.runner().construct(catalog.get(SystemQuery.ENTITY_GRAPH), Map.of("entity", e));
            Graph actual = direct.read(e);
            triples += actual.size();
            if (!IsoMatcher.isomorphic(expected, actual)) {
                different.add(e.getURI() + " (query " + expected.size() + ", indexes " + actual.size() + ")");
            }
            if (!byQuery.inferred(e).equals(direct.inferred(e))) {
                different.add(e.getURI() + " inferred");
            }
        }
        assertThat(different).isEmpty();
        assertThat(triples).isGreaterThan(entities.size() * 5);
    }

    @Test
    void anUnknownEntityHasAnEmptyGraph() {
        Node none = org.apache.jena.graph.NodeFactory.createURI(Namespaces.KGID + "no-such-entity-here");
        assertThat(new EntityGraphReader(store.dataset()).read(none).isEmpty()).isTrue();
    }

    /** Every IRI subject in the entity and ontology namespaces. */
    private static List<Node> subjects() {
        return Txn.calculateRead(store.dataset(), () -> {
            TreeSet<String> out = new TreeSet<>();
            store.dataset().getUnionGraph().find().mapWith(Triple::getSubject).forEachRemaining(s -> {
                if (s.isURI()
                        && (s.getURI().startsWith(Namespaces.KGID) || s.getURI().startsWith(Namespaces.CIKG))) {
                    out.add(s.getURI());
                }
            });
            return out.stream()
                    .map(org.apache.jena.graph.NodeFactory::createURI)
                    .toList();
        });
    }
}
