package org.cikg.store.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.cikg.store.Graphs;
import org.cikg.support.StoreFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreBackupTest {
    private static final Node G = NodeFactory.createURI("https://example.org/g");
    private static final Node S = NodeFactory.createURI("https://example.org/s");
    private static final Node P = NodeFactory.createURI("https://example.org/p");

    /**
     * Same quads: the same count, and the same set once blank nodes are left out (the restore mints fresh blank
     * nodes, and an isomorphism check over the SHACL shapes' many blank nodes takes far too long).
     */
    private static boolean sameContents(DatasetGraph a, DatasetGraph b) {
        return Txn.calculateRead(
                b,
                () -> a.stream().count() == b.stream().count() && groundQuads(a).equals(groundQuads(b)));
    }

    private static java.util.Set<org.apache.jena.sparql.core.Quad> groundQuads(DatasetGraph dsg) {
        return dsg.stream()
                .filter(q -> !q.getSubject().isBlank() && !q.getObject().isBlank())
                .collect(java.util.stream.Collectors.toSet());
    }

    private static DatasetGraph copy(DatasetGraph dsg) {
        DatasetGraph mem = DatasetGraphFactory.createTxnMem();
        Txn.executeRead(dsg, () -> Txn.executeWrite(mem, () -> dsg.find().forEachRemaining(mem::add)));
        return mem;
    }

    private static StoreBackup backups(StoreFixture f) {
        return new StoreBackup(f.store, new BackupSettings(f.root.resolve("backups")));
    }

    @Test
    void backupThenRestoreGivesBackTheSameContents(@TempDir Path tmp) throws Exception {
        try (StoreFixture f = new StoreFixture(tmp)) {
            f.loader.loadIfChanged();
            DatasetGraph before = copy(f.store.dataset());
            StoreBackup b = backups(f);
            StoreBackup.BackupReport r = b.backup();
            assertThat(r.file()).exists().hasFileName(r.file().getFileName().toString());
            assertThat(r.file().getFileName().toString())
                    .startsWith("kg-backup-")
                    .endsWith(".nq.gz");
            assertThat(Files.readString(r.checksumFile()))
                    .startsWith(r.sha256() + "  " + r.file().getFileName());
            assertThat(r.quads()).isEqualTo(Txn.calculateRead(f.store.dataset(), () ->
                    (long) f.store.dataset().stream().count()));

            Txn.executeWrite(f.store.dataset(), () -> {
                f.store.dataset().add(G, S, P, NodeFactory.createLiteralString("after the backup"));
                f.store.dataset().deleteAny(Graphs.DATA, Node.ANY, Node.ANY, Node.ANY);
            });
            StoreBackup.RestoreReport restored = b.restore(r.file());
            assertThat(restored.quads()).isEqualTo(r.quads());
            assertThat(sameContents(before, f.store.dataset())).isTrue();
        }
    }

    @Test
    void restoreRefusesAFileWhoseChecksumDoesNotMatchAndChangesNothing(@TempDir Path tmp) throws Exception {
        try (StoreFixture f = new StoreFixture(tmp)) {
            f.loader.loadIfChanged();
            StoreBackup b = backups(f);
            StoreBackup.BackupReport r = b.backup();
            byte[] bytes = Files.readAllBytes(r.file());
            bytes[bytes.length / 2] ^= 0x01;
            Files.write(r.file(), bytes);
            Txn.executeWrite(
                    f.store.dataset(), () -> f.store.dataset().add(G, S, P, NodeFactory.createLiteralString("kept")));
            DatasetGraph before = copy(f.store.dataset());
            assertThatThrownBy(() -> b.restore(r.file()))
                    .isInstanceOf(BackupException.class)
                    .hasMessageContaining("Checksum mismatch");
            assertThat(sameContents(before, f.store.dataset())).isTrue();
        }
    }

    @Test
    void restoreRefusesABackupWithoutItsChecksumFile(@TempDir Path tmp) throws Exception {
        try (StoreFixture f = new StoreFixture(tmp)) {
            f.loader.loadIfChanged();
            StoreBackup b = backups(f);
            StoreBackup.BackupReport r = b.backup();
            Files.delete(r.checksumFile());
            assertThatThrownBy(() -> b.restore(r.file()))
                    .isInstanceOf(BackupException.class)
                    .hasMessageContaining("No checksum file");
        }
    }

    @Test
    void restoreOfAFileThatFailsHalfwayThroughParsingLeavesTheStoreAsItWas(@TempDir Path tmp) throws Exception {
        try (StoreFixture f = new StoreFixture(tmp)) {
            f.loader.loadIfChanged();
            DatasetGraph before = copy(f.store.dataset());
            Path bad = f.root.resolve("backups").resolve("kg-backup-bad.nq.gz");
            Files.createDirectories(bad.getParent());
            StringBuilder nq = new StringBuilder();
            for (int i = 0; i < 1000; i++) {
                nq.append("<https://example.org/s")
                        .append(i)
                        .append("> <https://example.org/p> \"ok\" <https://example.org/g> .\n");
            }
            nq.append("<https://example.org/broken> <https://example.org/p> \"no end\n");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bad))) {
                out.write(nq.toString().getBytes(StandardCharsets.UTF_8));
            }
            String hex = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(bad)));
            Files.writeString(StoreBackup.checksumFileOf(bad), hex + "  " + bad.getFileName() + "\n");
            StoreBackup b = backups(f);
            assertThatThrownBy(() -> b.restore(bad))
                    .isInstanceOf(BackupException.class)
                    .hasMessageContaining("unchanged");
            assertThat(sameContents(before, f.store.dataset())).isTrue();
        }
    }

    @Test
    void startUpRemovesTmpFilesOfInterruptedBackups(@TempDir Path tmp) throws Exception {
        try (StoreFixture f = new StoreFixture(tmp)) {
            Path folder = Files.createDirectories(f.root.resolve("backups"));
            Path leftover = Files.writeString(folder.resolve("kg-backup-20260101-000000-000.nq.gz.tmp"), "half");
            Path kept = Files.writeString(folder.resolve("kg-backup-20260101-000000-000.nq.gz"), "whole");
            backups(f);
            assertThat(leftover).doesNotExist();
            assertThat(kept).exists();
        }
    }

    @Test
    void openingTheStoreRemovesTheTmpFolderOfAnInterruptedCompaction(@TempDir Path tmp) throws Exception {
        try (StoreFixture f = new StoreFixture(tmp)) {
            f.loader.loadIfChanged();
            long triples = f.store.status().triples();
            f.store.destroy();
            Path location = f.props.store().location();
            Path data = Files.list(location)
                    .filter(p -> p.getFileName().toString().matches("Data-\\d{4}"))
                    .findFirst()
                    .orElseThrow();
            int n = Integer.parseInt(data.getFileName().toString().substring(5));
            Path leftover = location.resolve(String.format("Data-%04d-tmp", n + 1));
            Files.createDirectories(leftover);
            Files.writeString(leftover.resolve("nodes.dat"), "partial");
            f.open();
            assertThat(leftover).doesNotExist();
            assertThat(f.store.status().triples()).isEqualTo(triples);
        }
    }
}
