package org.cikg.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cikg.CikgApplication;
import org.cikg.store.backup.BackupCommand;
import org.cikg.store.load.LoadCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded-only commands run against a remote-mode configuration: {@code backup}, {@code restore} and
 * {@code load --file} each print one line saying the store is remote and what to use instead, exit 1, and create
 * nothing (no backup file, no TDB2 folder). No store needs to answer: the refusal comes before any request.
 */
class RemoteStoreCommandsIT {
    @TempDir
    Path tmp;

    private List<String> remoteArgs(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.add("--kg.store.mode=remote");
        args.add("--kg.store.query-endpoint=http://127.0.0.1:9/sparql");
        args.add("--kg.store.location=" + tmp.resolve("never-created"));
        args.add("--kg.store.backups=" + tmp.resolve("backups"));
        args.add("--spring.main.banner-mode=off");
        args.add("--logging.level.root=WARN");
        return args;
    }

    @Test
    void backupRestoreAndBulkLoadRefuseARemoteStoreWithOneLineAndExit1() throws Exception {
        Path nt = Files.writeString(tmp.resolve("big.nt"), "<urn:x:s> <urn:x:p> <urn:x:o> .\n");
        Path backup = Files.writeString(tmp.resolve("kg-backup-x.nq.gz"), "");
        Files.writeString(tmp.resolve("kg-backup-x.nq.gz.sha256"), "0  kg-backup-x.nq.gz\n");
        record Case(String[] args, boolean load, String operation) {}
        List<Case> cases = List.of(
                new Case(remoteArgs("backup").toArray(String[]::new), false, "Backup"),
                new Case(remoteArgs("restore", backup.toString()).toArray(String[]::new), false, "Restore"),
                new Case(
                        remoteArgs("load", "--file", nt.toString()).toArray(String[]::new),
                        true,
                        "Bulk load (load --file)"));
        for (Case c : cases) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream saved = System.err;
            int exit;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                exit = c.load()
                        ? LoadCommand.run(c.args(), CikgApplication::commandContext)
                        : BackupCommand.run(c.args(), CikgApplication::commandContext);
            } finally {
                System.setErr(saved);
            }
            String message = err.toString(StandardCharsets.UTF_8).strip();
            assertThat(exit).as(c.operation()).isEqualTo(1);
            assertThat(message.lines()).as(message).hasSize(1);
            assertThat(message)
                    .contains(c.operation() + " works on the embedded TDB2 store")
                    .contains("kg.store.mode=remote, http://127.0.0.1:9/sparql")
                    .contains("own");
        }
        assertThat(tmp.resolve("never-created")).doesNotExist();
        assertThat(tmp.resolve("backups")).doesNotExist();
    }
}
