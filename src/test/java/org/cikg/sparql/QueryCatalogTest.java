package org.cikg.sparql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue resolves every query the code asks for by name when it is created: a missing one stops start-up. */
class QueryCatalogTest {
    @TempDir
    Path tmp;

    @Test
    void everySystemQueryIsInTheCatalogue() {
        QueryCatalog catalog = new QueryCatalog(Path.of("queries"));
        for (SystemQuery q : SystemQuery.values()) {
            assertThat(catalog.get(q).name()).isEqualTo(q.path());
        }
    }

    @Test
    void aMissingSystemQueryStopsStartUpWithItsName() throws IOException {
        Path copy = tmp.resolve("queries");
        try (Stream<Path> files = Files.walk(Path.of("queries"))) {
            for (Path f : files.toList()) {
                Path target = copy.resolve(Path.of("queries").relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        Files.delete(copy.resolve("system/entity-graph.rq"));
        Files.move(copy.resolve("system/sources.rq"), copy.resolve("system/source-list.rq"));
        assertThatThrownBy(() -> new QueryCatalog(copy))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("system/entity-graph.rq")
                .hasMessageContaining("system/sources.rq");
    }
}
