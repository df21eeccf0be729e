package org.cikg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The packaged service ({@code target/cikg-*.jar}, built by {@code mvn verify}'s package phase before the
 * integration tests) in a JVM of its own, with the JVM options a test needs (a small heap, to see memory bounds
 * hold), on free loopback ports over a fresh store under {@code target/}. Its output goes to a log file beside the
 * store.
 */
public final class ServiceProcess implements AutoCloseable {
    private final Process process;
    private final int webPort = ChildProcesses.freeLoopbackPort();
    private final int sparqlPort = ChildProcesses.freeLoopbackPort();
    private final Path log;

    /**
     * Starts the service with {@code jvmOptions} and {@code args} (after the ports and store) and waits until its
     * SPARQL endpoints answer (they start last).
     */
    public ServiceProcess(String name, List<String> jvmOptions, List<String> args) {
        try {
            Path dir = Files.createDirectories(Path.of("target/it-store")).toAbsolutePath();
            Path store = Files.createTempDirectory(dir, name + "-");
            log = store.resolveSibling(store.getFileName() + ".log");
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(jvmOptions);
            cmd.addAll(List.of(
                    "-jar",
                    jar().toString(),
                    "--server.port=" + webPort,
                    "--server.address=127.0.0.1",
                    "--kg.fuseki.port=" + sparqlPort,
                    "--kg.store.location=" + store,
                    "--kg.store.backups=" + store.resolveSibling(store.getFileName() + "-backups"),
                    "--logging.level.org.apache.jena.fuseki=WARN"));
            cmd.addAll(args);
            process = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
        awaitPing(Duration.ofMinutes(4));
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("cikg-.*\\.jar"))
                    .findFirst()
                    .map(Path::toAbsolutePath)
                    .orElseThrow(() -> new IllegalStateException("target/cikg-*.jar is missing: run the integration "
                            + "tests with `mvn verify`, whose package phase builds it"));
        }
    }

    public String sparqlEndpoint() {
        return "http://127.0.0.1:" + sparqlPort + "/kg/sparql";
    }

    public int sparqlPort() {
        return sparqlPort;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The peak resident set size of the service's process, from {@code /proc} (Linux); -1 where unknown. */
    public long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    public Path log() {
        return log;
    }

    private void awaitPing(Duration limit) {
        URI ping = URI.create("http://127.0.0.1:" + sparqlPort + "/$/ping");
        ChildReady.await(process, ping, limit, Duration.ofMillis(500), "The service", log);
    }

    /** Stops the service (SIGTERM, then SIGKILL after 30 s). */
    @Override
    public void close() {
        if (process.isAlive()) {
            ChildProcesses.stop(process, 30);
        }
    }
}
