package org.cikg.store.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.system.Txn;
import org.cikg.problem.DataLoadException;
import org.cikg.store.KnowledgeStore;
import org.cikg.support.StoreFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLoaderTest {

    private static boolean ask(KnowledgeStore store, String query) {
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(store.dataset()))
                    .query(query)
                    .build()) {
                return qe.execAsk();
            }
        });
    }

    @Test
    void firstStartLoadsFilesAndRecordsHashAndCounts(@TempDir Path tmp) throws Exception {
        try (StoreFixture f = new StoreFixture(tmp)) {
            LoadReport r = f.loader.loadIfChanged();
            assertThat(r.loaded()).isTrue();
            assertThat(r.files()).isGreaterThanOrEqualTo(2);
            KnowledgeStore.StoreStatus s = f.store.status();
            assertThat(s.hash()).isEqualTo(r.hash()).hasSize(64);
            assertThat(s.triples()).isEqualTo(r.totalTriples()).isGreaterThan(100);
            assertThat(s.loadedAt()).isEqualTo(r.loadedAt());
        }
    }

    @Test
    void inferenceMaterialisesClosureSubclassesAndInverses(@TempDir Path tmp) throws Exception {
        try (StoreFixture f = new StoreFixture(tmp)) {
            f.loader.loadIfChanged();
            String p = "PREFIX cikg: <https://w3id.org/cikg/ontology#> PREFIX kgid: <https://w3id.org/cikg/id/> ";
            // headquarteredIn => locatedIn, then the transitive closure up to the country
            assertThat(ask(f.store, p + "ASK { kgid:unitree-robotics cikg:locatedIn kgid:china }"))
                    .isTrue();
            assertThat(ask(f.store, p + "ASK { kgid:binjiang-district cikg:locatedIn kgid:zhejiang }"))
                    .isTrue();
            // a Startup is a Company and an Organization
            assertThat(ask(f.store, p + "ASK { kgid:unitree-robotics a cikg:Company , cikg:Organization }"))
                    .isTrue();
            // the inverse, and only in the inferred graph
            assertThat(ask(
                            f.store,
                            p + "ASK { GRAPH <https://w3id.org/cikg/graph/inferred> "
                                    + "{ kgid:eagle-project cikg:beneficiary kgid:unitree-robotics } }"))
                    .isTrue();
            assertThat(ask(
                            f.store,
                            p + "ASK { GRAPH <https://w3id.org/cikg/graph/data> "
                                    + "{ kgid:eagle-project cikg:beneficiary kgid:unitree-robotics } }"))
                    .isFalse();
        }
    }

    @Test
    void syntaxErrorNamesFileAndLineAndLeavesPreviousContents(@TempDir Path tmp) throws Exception {
        try (StoreFixture f = new StoreFixture(tmp)) {
            LoadReport first = f.loader.loadIfChanged();
            Files.writeString(f.data().resolve("broken.ttl"), """
                    @prefix kgid: <https://w3id.org/cikg/id/> .
                    kgid:a kgid:b kgid:c .
                    kgid:d kgid:e kgid:f kgid:g .
                    """);
            assertThatThrownBy(() -> f.loader.loadIfChanged())
                    .isInstanceOf(DataLoadException.class)
                    .hasMessageContaining("broken.ttl")
                    .hasMessageContaining("line 3");
            KnowledgeStore.StoreStatus after = f.store.status();
            assertThat(after.hash()).isEqualTo(first.hash());
            assertThat(after.triples()).isEqualTo(first.totalTriples());
            assertThat(ask(f.store, "ASK { <https://w3id.org/cikg/id/unitree-robotics> ?p ?o }"))
                    .isTrue();
            assertThat(ask(f.store, "ASK { <https://w3id.org/cikg/id/a> ?p ?o }"))
                    .isFalse();
        }
    }

    @Test
    void illTypedLiteralStopsTheLoad(@TempDir Path tmp) throws Exception {
        try (StoreFixture f = new StoreFixture(tmp)) {
            Files.writeString(
                    f.data().resolve("bad-year.ttl"),
                    "<https://w3id.org/cikg/id/x> <https://w3id.org/cikg/ontology#foundingYear> "
                            + "\"20x3\"^^<http://www.w3.org/2001/XMLSchema#gYear> .\n");
            assertThatThrownBy(() -> f.loader.loadIfChanged())
                    .isInstanceOf(DataLoadException.class)
                    .hasMessageContaining("bad-year.ttl");
        }
    }

    @Test
    void restartOverUnchangedFilesDoesNotReload(@TempDir Path tmp) throws Exception {
        try (StoreFixture f = new StoreFixture(tmp)) {
            LoadReport first = f.loader.loadIfChanged();
            f.store.destroy();
            f.open();
            LoadReport second = f.loader.loadIfChanged();
            assertThat(second.loaded()).isFalse();
            assertThat(second.hash()).isEqualTo(first.hash());
            assertThat(f.store.status().loadedAt()).isEqualTo(first.loadedAt());

            Files.writeString(
                    f.data().resolve("extra.ttl"),
                    "<https://w3id.org/cikg/id/x> <http://www.w3.org/2000/01/rdf-schema#label> \"X\"@en .\n");
            LoadReport third = f.loader.loadIfChanged();
            assertThat(third.loaded()).isTrue();
            assertThat(third.hash()).isNotEqualTo(first.hash());
        }
    }
}
