package org.cikg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A standalone Fuseki server ({@code org.apache.jena:jena-fuseki-server}, copied to {@code target/fuseki/} by the
 * build before the integration tests) in its own JVM on a loopback port, over a TDB2 folder of its own:
 * {@code --localhost --update --loc DIR /ds}. It can be stopped and started again on the same port and folder (the
 * data stays), and paused ({@code SIGSTOP}: it accepts connections but never answers, a "slow" store) and resumed.
 */
public final class StandaloneFuseki {
    private static final Path JAR = Path.of("target/fuseki/jena-fuseki-server.jar");

    private final Path location;
    private final int port;
    private Process process;

    public StandaloneFuseki(Path location) {
        this.location = location;
        this.port = ChildProcesses.freeLoopbackPort();
    }

    /** Starts a server over a new folder under {@code target/}; stopped when the test JVM exits. */
    public static StandaloneFuseki startNew(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target/remote-store")).toAbsolutePath();
            StandaloneFuseki f = new StandaloneFuseki(Files.createTempDirectory(dir, name + "-"));
            f.start();
            Runtime.getRuntime().addShutdownHook(new Thread(f::stop));
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String queryEndpoint() {
        return base() + "/ds/sparql";
    }

    public String gspEndpoint() {
        return base() + "/ds/data";
    }

    public String updateEndpoint() {
        return base() + "/ds/update";
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the server (the --loc folder must exist) and waits until it answers a ping. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the integration tests with `mvn verify`, whose "
                    + "pre-integration-test phase copies jena-fuseki-server there");
        }
        try {
            Files.createDirectories(location);
            Path log = location.resolveSibling(location.getFileName() + ".log");
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(List.of(
                            java,
                            "-Xmx512m",
                            "-jar",
                            JAR.toAbsolutePath().toString(),
                            "--localhost",
                            "--port",
                            Integer.toString(port),
                            "--update",
                            "--loc",
                            location.toString(),
                            "/ds"))
                    .directory(location.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitPing();
        warmUp();
    }

    /**
     * Asks the dataset one query and waits up to a minute for its answer. A ping answers before the dataset's first
     * query has opened the TDB2 files and loaded the query engine's classes, which on a busy machine took longer than
     * the few seconds of read timeout the fault tests give the service: that first query is paid here, not by them.
     */
    private void warmUp() {
        HttpRequest ask = HttpRequest.newBuilder(URI.create(queryEndpoint()))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/sparql-query")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("ASK { GRAPH ?g { ?s ?p ?o } }"))
                .build();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(ask, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("Fuseki at " + queryEndpoint() + " answered its first query with "
                        + r.statusCode() + ": " + r.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Fuseki at " + queryEndpoint() + " did not answer its first query", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server and waits for its JVM to end. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        resume();
        ChildProcesses.stop(process, 20);
        process = null;
    }

    /** Freezes the server's JVM: connections are accepted by the kernel but nothing answers. */
    public synchronized void pause() {
        signal("-STOP");
    }

    public synchronized void resume() {
        signal("-CONT");
    }

    private void signal(String sig) {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", sig, Long.toString(process.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitPing() {
        ChildReady.await(
                process,
                URI.create(base() + "/$/ping"),
                Duration.ofSeconds(90),
                Duration.ofMillis(250),
                "Fuseki",
                "the log beside " + location);
    }
}
