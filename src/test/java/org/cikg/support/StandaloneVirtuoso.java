package org.cikg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Virtuoso Open Source (Debian's {@code virtuoso-opensource}) on loopback over a database of its own: a copy of
 * {@code /etc/virtuoso-opensource-7/virtuoso.ini} whose database, temp, log and lock files lie in a new folder under
 * {@code target/remote-store/}, whose SQL and HTTP {@code ServerPort}s are free loopback ports and whose
 * {@code DirsAllowed} is that folder; started as {@code virtuoso-t -f -c FILE}. Once it answers, a load account is
 * made as a newsroom would make one: {@code cikg_loader} with the {@code SPARQL_UPDATE} role, which writes through
 * the digest-authenticated endpoints ({@code /sparql-graph-crud-auth}, {@code /sparql-auth}); the anonymous
 * {@code /sparql} endpoint stays read-only. {@link #stop()} shuts it down and deletes the folder.
 *
 * <p>Virtuoso is not on Maven Central: without {@code virtuoso-t} this fails, naming the package to install
 * ({@code bash .ci/run} installs it), rather than letting the tests pass without it.
 */
public final class StandaloneVirtuoso {
    public static final String LOADER = "cikg_loader";
    public static final String LOADER_PASSWORD = "loader-secret";
    private static final Path INI = Path.of("/etc/virtuoso-opensource-7/virtuoso.ini");
    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    private final Path folder;
    private final int sqlPort;
    private final int httpPort;
    private Process process;

    private StandaloneVirtuoso(Path folder) {
        this.folder = folder;
        this.sqlPort = ChildProcesses.freeLoopbackPort();
        this.httpPort = ChildProcesses.freeLoopbackPort();
    }

    /** Starts a server over a new folder under {@code target/}; stopped and deleted when the test JVM exits. */
    public static StandaloneVirtuoso startNew(String name) {
        String server = executable("virtuoso-t");
        executable("isql-vt");
        try {
            Path dir = Files.createDirectories(Path.of("target/remote-store")).toAbsolutePath();
            StandaloneVirtuoso v = new StandaloneVirtuoso(Files.createTempDirectory(dir, name + "-"));
            Runtime.getRuntime().addShutdownHook(new Thread(v::stop));
            v.start(server);
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The anonymous, read-only SPARQL endpoint. */
    public String queryEndpoint() {
        return base() + "/sparql";
    }

    /** SPARQL Update (and query), digest authentication. */
    public String updateEndpoint() {
        return base() + "/sparql-auth";
    }

    /** The SPARQL 1.1 Graph Store HTTP Protocol, digest authentication. */
    public String gspEndpoint() {
        return base() + "/sparql-graph-crud-auth";
    }

    private String base() {
        return "http://127.0.0.1:" + httpPort;
    }

    private synchronized void start(String server) throws IOException {
        if (!Files.isRegularFile(INI)) {
            throw new IllegalStateException(
                    INI + " is missing: install Debian's virtuoso-opensource " + "(bash .ci/run does)");
        }
        Files.createDirectories(folder.resolve("vad"));
        Path ini = folder.resolve("virtuoso.ini");
        Files.write(ini, configure(Files.readAllLines(INI, StandardCharsets.UTF_8)));
        process = new ProcessBuilder(List.of(server, "-f", "-c", ini.toString()))
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        folder.resolve("server.out").toFile()))
                .start();
        awaitSparql();
        isql("DB.DBA.USER_CREATE('" + LOADER + "', '" + LOADER_PASSWORD + "'); GRANT SPARQL_UPDATE TO " + LOADER + ";");
    }

    /**
     * The package's configuration with every file in {@link #folder}, loopback ports, and no VAD packages to
     * install into the new database (the Conductor would take seconds of each start).
     */
    private List<String> configure(List<String> lines) {
        List<String> out = new ArrayList<>();
        String section = "";
        for (String line : lines) {
            String t = line.trim();
            if (t.startsWith("[")) {
                section = t;
            }
            String key = t.contains("=") ? t.substring(0, t.indexOf('=')).trim() : "";
            String value = switch (key) {
                case "DatabaseFile", "ErrorLogFile", "LockFile", "TransactionFile", "xa_persistent_file" ->
                    line.replace("/var/lib/virtuoso-opensource-7/db", folder.toString());
                case "ServerPort" -> "ServerPort = 127.0.0.1:" + ("[HTTPServer]".equals(section) ? httpPort : sqlPort);
                case "DirsAllowed" -> "DirsAllowed = ., " + folder;
                case "VADInstallDir" -> "VADInstallDir = " + folder.resolve("vad") + "/";
                case "DefaultHost" -> "DefaultHost = 127.0.0.1:" + httpPort;
                default -> line;
            };
            out.add(value);
        }
        return out;
    }

    /** Runs SQL as {@code dba} (the password of a new database is {@code dba}) with {@code isql-vt}. */
    public void isql(String sql) {
        try {
            Process p = new ProcessBuilder(
                            List.of(executable("isql-vt"), "127.0.0.1:" + sqlPort, "dba", "dba", "exec=" + sql))
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || out.contains("*** Error")) {
                throw new IllegalStateException("isql-vt failed on " + sql + ": " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Shuts the server down (SIGTERM: a quick shutdown) and deletes its folder. */
    public synchronized void stop() {
        if (process != null) {
            ChildProcesses.stop(process, 30);
            process = null;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // the folder is under target/ and goes with the next clean
        }
    }

    private void awaitSparql() {
        URI ask = URI.create(queryEndpoint() + "?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8));
        ChildReady.await(process, ask, START_LIMIT, Duration.ofMillis(250), "virtuoso-t", folder.resolve("server.out"));
    }

    /** The full path of a program on the PATH, or a failure naming the Debian package that brings it. */
    private static String executable(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw new IllegalStateException(name + " is not installed: the Virtuoso backend tests need Debian's "
                + "virtuoso-opensource (`apt-get install virtuoso-opensource`; bash .ci/run installs it)");
    }
}
