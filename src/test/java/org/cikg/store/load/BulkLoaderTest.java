package org.cikg.store.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.system.Txn;
import org.cikg.store.KnowledgeStore;
import org.cikg.support.StoreFixture;
import org.cikg.synth.GenerateCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkLoaderTest {

    private static long count(KnowledgeStore store, String query) {
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(store.dataset()))
                    .query(query)
                    .build()) {
                return qe.execSelect().next().getLiteral("n").getLong();
            }
        });
    }

    @Test
    void bulkLoadOfAGeneratedFileKeepsCuratedAnswersAndMaterialisesInferences(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("synth.nt.gz");
        long written = GenerateCommand.write(file, Path.of("ontology"), Path.of("data"), 20_000, 42)
                .triples();
        try (StoreFixture f = new StoreFixture(tmp.resolve("store"))) {
            StringBuilder progress = new StringBuilder();
            BulkLoader.Report r = new BulkLoader(
                            f.store, f.props, line -> progress.append(line).append('\n'))
                    .load(file, BulkLoader.Plan.PHASED);

            assertThat(r.fileTriples()).isEqualTo(written);
            assertThat(progress.toString()).contains("triples/s").contains("Inference:");
            assertThat(r.inferred()).isPositive();
            String p = "PREFIX cikg: <https://w3id.org/cikg/ontology#> PREFIX kgid: <https://w3id.org/cikg/id/> ";
            // a curated question keeps its answer, through the materialised inverse
            assertThat(
                            count(
                                    f.store,
                                    p
                                            + "SELECT (COUNT(*) AS ?n) { kgid:eagle-project cikg:beneficiary kgid:unitree-robotics }"))
                    .isEqualTo(1);
            // every synthetic district reaches its country through the transitive closure
            assertThat(count(
                            f.store,
                            p + "SELECT (COUNT(DISTINCT ?d) AS ?n) { ?d a cikg:District ; cikg:locatedIn ?c . "
                                    + "?c a cikg:Country FILTER(CONTAINS(STR(?d), \"-district-\")) }"))
                    .isPositive();
            assertThat(
                            count(
                                    f.store,
                                    p + "SELECT (COUNT(?d) AS ?n) { ?d a cikg:District "
                                            + "FILTER(CONTAINS(STR(?d), \"-district-\")) FILTER NOT EXISTS { ?d cikg:locatedIn ?c . ?c a cikg:Country } }"))
                    .isZero();
            // the meta graph records the union's size, as after a normal load
            assertThat(f.store.status().triples()).isEqualTo(r.total());
            assertThat(f.store.status().hash()).startsWith("bulk:synth.nt.gz:");
        }
    }
}
