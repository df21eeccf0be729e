package org.cikg.store.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderWeighted;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.cikg.support.StoreFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreStatisticsTest {

    @Test
    void aLoadWritesStatisticsThatTheNextOpenOfTheStoreUses(@TempDir Path tmp) throws Exception {
        try (StoreFixture f = new StoreFixture(tmp)) {
            assertThat(TDBInternal.getDatasetGraphTDB(f.store.dataset()).getReorderTransform())
                    .isNotInstanceOf(ReorderWeighted.class);
            f.loader.loadIfChanged();
            Path stats = Path.of(TDBInternal.getDatasetGraphTDB(f.store.dataset())
                            .getLocation()
                            .getDirectoryPath())
                    .resolve(StoreStatistics.FILE);
            String text = Files.readString(stats);
            // Counts per predicate and per class of the fixture (and the ontology), in TDB2's stats syntax.
            assertThat(text)
                    .startsWith("(stats")
                    .contains("(count ")
                    .contains("<https://w3id.org/cikg/ontology#locatedIn>")
                    .contains("<https://w3id.org/cikg/ontology#Startup>");

            f.store.destroy();
            f.open();
            assertThat(TDBInternal.getDatasetGraphTDB(f.store.dataset()).getReorderTransform())
                    .isInstanceOf(ReorderWeighted.class);
        }
    }
}
