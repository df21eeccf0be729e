package org.cikg.replication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cikg.support.ChildProcesses;
import tools.jackson.databind.json.JsonMapper;

/**
 * A replica in a JVM of its own (the test's classpath, {@code org.cikg.CikgApplication}), so that it can be killed
 * with SIGKILL at any moment and started again over the same store; its output goes to {@code child.log} in its
 * folder.
 */
final class ChildReplica {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path folder;
    private final Map<String, String> properties;
    private final Path log;
    private Process process;
    private int port;
    private int fusekiPort;

    ChildReplica(Path folder, Map<String, String> properties) {
        this.folder = folder;
        this.properties = properties;
        this.log = folder.resolve("child.log");
    }

    void start() throws IOException {
        Files.createDirectories(folder);
        port = ChildProcesses.freeLoopbackPort();
        fusekiPort = ChildProcesses.freeLoopbackPort();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classpath,
                "org.cikg.CikgApplication",
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--kg.fuseki.port=" + fusekiPort,
                "--kg.admin.password=" + ClusterNode.PASSWORD,
                "--kg.replication.retry=500ms"));
        properties.forEach((k, v) -> cmd.add("--" + k + "=" + v));
        process = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        ClusterNode.await("the child replica to answer", Duration.ofSeconds(180), () -> {
            if (!process.isAlive()) {
                throw new AssertionError("The child replica exited: " + log());
            }
            return appliedVersion() >= 0;
        });
    }

    /** The applied change sequence, or -1 while it does not answer. */
    long appliedVersion() {
        try {
            HttpResponse<String> r =
                    ClusterNode.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build());
            return JSON.readTree(r.body())
                    .get("components")
                    .get("replication")
                    .get("details")
                    .get("appliedVersion")
                    .asLong();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    HttpResponse<String> query(String sparql) {
        return ClusterNode.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fusekiPort + "/kg/sparql"))
                .header("Accept", "application/sparql-results+json")
                .header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofString(sparql))
                .build());
    }

    void awaitLog(String text, Duration limit) {
        ClusterNode.await("'" + text + "' in the child's log", limit, () -> log().contains(text));
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no transaction end, as a crash or an OOM kill. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
