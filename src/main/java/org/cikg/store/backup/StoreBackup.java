package org.cikg.store.backup;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.cikg.store.KnowledgeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Backups of the whole store as gzip N-Quads with a SHA-256 checksum file, and restores that verify before they
 * swap anything in.
 *
 * <ul>
 *   <li>{@link #backup()} reads one consistent snapshot (a TDB2 read transaction: writers carry on), writes
 *       {@code kg-backup-YYYYMMDD-HHMMSS.nq.gz} through a {@code .tmp} file that is synced and then renamed, and then
 *       {@code <file>.sha256} ({@code sha256sum} format, so {@code sha256sum -c} checks it too). A crash leaves at
 *       most a {@code .tmp} file, never a backup without its checksum being wrong or missing.</li>
 *   <li>{@link #restore(Path)} refuses a file whose checksum file is missing or does not match, then replaces the
 *       store's contents in one write transaction while parsing: a parse error aborts the transaction and the
 *       store keeps what it had. Blank nodes get back the labels they had in the backed-up store.</li>
 *   <li>At start-up, leftover {@code *.tmp} files of interrupted backups are removed (the {@code Data-NNNN-tmp}
 *       folder of an interrupted compaction is removed by {@code DatabaseMgr.connectDatasetGraph}, see
 *       {@link KnowledgeStore}).</li>
 * </ul>
 */
@Component
public class StoreBackup {
    private static final Logger LOG = LoggerFactory.getLogger(StoreBackup.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    static final String SUFFIX = ".nq.gz";
    static final String CHECKSUM_SUFFIX = ".sha256";

    private final KnowledgeStore store;
    private final Path folder;

    public StoreBackup(KnowledgeStore store, BackupSettings settings) {
        this.store = store;
        this.folder = settings.backups().toAbsolutePath();
        removeLeftovers();
    }

    /** What a backup wrote. */
    public record BackupReport(Path file, Path checksumFile, String sha256, long quads, long bytes, Duration elapsed) {}

    /** What a restore replaced the store's contents with. */
    public record RestoreReport(Path file, String sha256, long quads, Duration elapsed) {}

    /** Writes a backup of the current contents; safe while the service serves and writes. */
    public synchronized BackupReport backup() {
        store.requireEmbedded(
                "Backup",
                "back the store up with its own tools (Fuseki: POST /$/backup/{name}; "
                        + "Virtuoso: backup_online in isql); reload ontology/ and data/ with POST /admin/reload or `load`");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Backup failed", e);
        }
        Path file = uniqueName();
        DatasetGraph dsg = store.dataset();
        return Txn.calculateRead(dsg, () -> write(dsg, file));
    }

    /**
     * Writes every quad {@code dsg} holds, as its current transaction sees it (the caller's read or write
     * transaction), to {@code file} in the backup format: gzip N-Quads through a synced {@code .tmp} file renamed into
     * place, then {@code <file>.sha256}. A replicated writer writes its snapshots with this too.
     */
    public static BackupReport write(DatasetGraph dsg, Path file) {
        long t0 = System.nanoTime();
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            MessageDigest sha = sha256();
            long quads = 0;
            try (FileOutputStream fos = new FileOutputStream(tmp.toFile());
                    DigestOutputStream digest = new DigestOutputStream(new BufferedOutputStream(fos, 1 << 16), sha);
                    GZIPOutputStream gz = new GZIPOutputStream(digest, 1 << 16)) {
                StreamRDF out = StreamRDFWriter.getWriterStream(gz, Lang.NQUADS);
                out.start();
                Iterator<Quad> it = dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
                while (it.hasNext()) {
                    out.quad(it.next());
                    quads++;
                }
                out.finish();
                gz.finish();
                digest.flush();
                fos.getFD().sync();
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            String hex = HexFormat.of().formatHex(sha.digest());
            Path sumFile = checksumFileOf(file);
            Path sumTmp = sumFile.resolveSibling(sumFile.getFileName() + ".tmp");
            try (FileOutputStream fos = new FileOutputStream(sumTmp.toFile())) {
                fos.write((hex + "  " + file.getFileName() + "\n").getBytes(StandardCharsets.US_ASCII));
                fos.getFD().sync();
            }
            Files.move(sumTmp, sumFile, StandardCopyOption.ATOMIC_MOVE);
            BackupReport r = new BackupReport(
                    file, sumFile, hex, quads, Files.size(file), Duration.ofNanos(System.nanoTime() - t0));
            LOG.info(
                    "Backup {}: {} quads, {} bytes, sha256 {}, {} ms",
                    file,
                    r.quads(),
                    r.bytes(),
                    hex,
                    r.elapsed().toMillis());
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("Backup failed", e);
        }
    }

    /**
     * Replaces the whole store with the contents of {@code file}, after checking it against its {@code .sha256}
     * file; all or nothing.
     *
     * @throws BackupException when the checksum is missing or wrong, or the file does not parse (store unchanged)
     */
    public synchronized RestoreReport restore(Path file) {
        store.requireEmbedded(
                "Restore",
                "restore with the store's own tools, or reload ontology/ and data/ into it "
                        + "with POST /admin/reload or `load`");
        store.requireWritable("Restore");
        return restore(file, store.writable(), dsg -> {});
    }

    /**
     * As {@link #restore(Path)}, into {@code dsg} (the store's dataset, or the wrapper its changes go through), running
     * {@code alsoInTransaction} in the same write transaction before it commits: a replica records there which change
     * of the log the restored contents are.
     */
    public synchronized RestoreReport restore(
            Path file, DatasetGraph dsg, java.util.function.Consumer<DatasetGraph> alsoInTransaction) {
        long t0 = System.nanoTime();
        String hex = verify(file);
        long[] quads = new long[1];
        try {
            Txn.executeWrite(dsg, () -> {
                dsg.deleteAny(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
                StreamRDF into = StreamRDFLib.dataset(dsg);
                StreamRDF counting = new StreamRDFBase() {
                    @Override
                    public void quad(Quad q) {
                        into.quad(q);
                        quads[0]++;
                    }
                };
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
                    // Blank nodes keep the labels the backup wrote (their store labels, encoded), so a restored
                    // store is the backed-up one exactly: a replica applies later changes that name them.
                    RDFParser.source(in)
                            .lang(Lang.NQUADS)
                            .labelToNode(org.apache.jena.riot.lang.LabelToNode.createUseLabelEncoded())
                            .parse(counting);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                alsoInTransaction.accept(dsg);
            });
        } catch (RiotException | UncheckedIOException e) {
            throw new BackupException(file + " does not parse; the store is unchanged: " + e.getMessage(), e);
        }
        RestoreReport r = new RestoreReport(file, hex, quads[0], Duration.ofNanos(System.nanoTime() - t0));
        LOG.info(
                "Restored {} quads from {} in {} ms",
                r.quads(),
                file,
                r.elapsed().toMillis());
        return r;
    }

    /** Checks {@code file} against its checksum file; returns the checksum. */
    public static String verify(Path file) {
        Path sumFile = checksumFileOf(file);
        if (!Files.isRegularFile(file)) {
            throw new BackupException("No backup file " + file);
        }
        if (!Files.isRegularFile(sumFile)) {
            throw new BackupException("No checksum file " + sumFile + "; refusing to restore an unverified backup");
        }
        try {
            String expected =
                    Files.readString(sumFile, StandardCharsets.US_ASCII).strip().split("\\s+")[0];
            MessageDigest sha = sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            String actual = HexFormat.of().formatHex(sha.digest());
            if (!actual.equalsIgnoreCase(expected)) {
                throw new BackupException("Checksum mismatch for " + file + ": expected " + expected + ", file has "
                        + actual + "; refusing to restore");
            }
            return actual;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path checksumFileOf(Path file) {
        return file.resolveSibling(file.getFileName() + CHECKSUM_SUFFIX);
    }

    public Path folder() {
        return folder;
    }

    private Path uniqueName() {
        Path p;
        do {
            p = folder.resolve("kg-backup-" + STAMP.format(Instant.now()) + SUFFIX);
        } while (Files.exists(p));
        return p;
    }

    private void removeLeftovers() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".tmp"))
                    .toList()) {
                LOG.warn("Removing {} left by an interrupted backup", p);
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean the backup folder " + folder, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
