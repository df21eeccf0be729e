package org.cikg.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cikg.config.KgProperties;
import org.cikg.sparql.QueryCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store in use by another process: the start-up failure names the process and says what to do; once that
 * process is killed with {@code kill -9}, its lock file is still there (with its id) and is no obstacle: TDB2's lock
 * is the operating system's, released when the process dies.
 */
class StoreLockTest {
    @TempDir
    Path tmp;

    @Test
    void storeHeldByARunningProcessNamesItAndAKilledHolderLeavesNoStaleLock() throws Exception {
        Path folder = tmp.resolve("tdb2");
        KgProperties props = new KgProperties(
                new KgProperties.Store(folder, Path.of("ontology"), Path.of("data")),
                new KgProperties.Sparql(Duration.ofSeconds(10), Path.of("queries")),
                new KgProperties.Fuseki(false, 0),
                new KgProperties.Admin("admin", ""));
        QueryCatalog catalog = new QueryCatalog(props);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(List.of(
                        java,
                        "-Xmx128m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        HoldStore.class.getName(),
                        folder.toString()))
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("locked"));
            assertThat(line).as("the holder opened the store").isEqualTo("locked");

            Throwable t = catchThrowable(() -> new KnowledgeStore(props, catalog));
            assertThat(t)
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessageContaining("held by process " + holder.pid())
                    .hasMessageContaining("which is running")
                    .hasMessageContaining("kill -9 " + holder.pid());
            assertThat(((StoreLockedException) t).pid()).isEqualTo(holder.pid());
        } finally {
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
        }
        assertThat(Files.readString(folder.resolve("tdb.lock")).strip())
                .as("the dead holder's id is still there")
                .isEqualTo(Long.toString(holder.pid()));
        KnowledgeStore store = new KnowledgeStore(props, catalog);
        try {
            assertThat(Files.readString(folder.resolve("tdb.lock")).strip())
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        } finally {
            store.destroy();
        }
    }
}
