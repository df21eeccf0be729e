package org.cikg.replication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Sends the outbox's changes to the topic, strictly in sequence order, from one thread: after each commit, at
 * start-up (changes committed before a crash or while the broker was away) and every {@code kg.replication.retry}
 * while some are waiting. A change goes out as its RDF Patch cut at line ends into records of at most
 * {@code kg.replication.chunk-size} (or as one record naming its snapshot), all to partition 0, from an idempotent
 * producer; when the broker has acknowledged the last record, its offset is stored in the writer's replication graph
 * and the entry leaves the outbox. A crash in between sends the change again: replicas skip a sequence they have.
 */
final class ChangePublisher implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(ChangePublisher.class);
    /** Records sent before waiting for their acknowledgements (bounds the producer's buffer). */
    private static final int WINDOW = 16;

    private final ChangeCapture capture;
    private final KafkaTemplate<String, byte[]> kafka;
    private final KafkaAdmin admin;
    private final NewTopic topic;
    private final ReplicationProperties props;
    private volatile boolean topicReady;
    private final AtomicBoolean queued = new AtomicBoolean();
    private ScheduledExecutorService executor;
    private volatile Published last;
    private volatile String lastError;
    private volatile Instant lastErrorAt;

    /** The last change published: the change, the offset of its last record, how many records, how long it took. */
    record Published(Change change, long offset, int records, long millis, Instant at) {}

    ChangePublisher(
            ChangeCapture capture,
            KafkaTemplate<String, byte[]> kafka,
            KafkaAdmin admin,
            NewTopic topic,
            ReplicationProperties props) {
        this.capture = capture;
        this.kafka = kafka;
        this.admin = admin;
        this.topic = topic;
        this.props = props;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "change-publisher");
            t.setDaemon(true);
            return t;
        });
        capture.onCommitted(this::kick);
        long retry = Math.max(100, props.retry().toMillis());
        executor.scheduleWithFixedDelay(
                () -> {
                    if (lastError != null) {
                        publishPending();
                    }
                },
                retry,
                retry,
                TimeUnit.MILLISECONDS);
        kick();
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            capture.onCommitted(() -> {});
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** Asks the publishing thread to send what is waiting (at most one request queued at a time). */
    void kick() {
        ScheduledExecutorService e = executor;
        if (e != null && queued.compareAndSet(false, true)) {
            e.execute(() -> {
                queued.set(false);
                publishPending();
            });
        }
    }

    Published lastPublished() {
        return last;
    }

    String lastError() {
        return lastError;
    }

    Instant lastErrorAt() {
        return lastErrorAt;
    }

    /** Changes committed and not yet acknowledged by the broker. */
    int pending() {
        return capture.outbox().pending().size();
    }

    /** Sends every committed change of the outbox, oldest first; stops at the first failure (retried later). */
    synchronized void publishPending() {
        DatasetGraph tdb = capture.tdb();
        try {
            long committed = LogPosition.readCommitted(tdb).sequence();
            List<Change> pending = capture.outbox().pending();
            if (!pending.isEmpty() && !topicReady) {
                // KafkaAdmin creates the topic at start-up, once; a broker that was not up then gets it here.
                admin.createOrModifyTopics(topic);
                topicReady = true;
            }
            for (Change c : pending) {
                if (c.sequence() > committed) {
                    break; // prepared by a transaction that has not committed yet
                }
                long t0 = System.nanoTime();
                int[] records = new int[1];
                long offset = send(c, records);
                Txn.executeWrite(tdb, () -> LogPosition.setOffset(tdb, offset));
                capture.outbox().remove(c);
                last = new Published(c, offset, records[0], (System.nanoTime() - t0) / 1_000_000, Instant.now());
                LOG.info(
                        "Published change {} ({}, {}): {} record(s) up to offset {} in {} ms",
                        c.sequence(),
                        c.kind(),
                        c.form(),
                        records[0],
                        offset,
                        (System.nanoTime() - t0) / 1_000_000);
            }
            if (lastError != null) {
                LOG.info("Change log reachable again; the outbox is empty");
            }
            lastError = null;
            lastErrorAt = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            if (lastError == null) {
                lastErrorAt = Instant.now();
            }
            lastError = cause.toString();
            LOG.warn(
                    "Could not publish to {} ({}); {} change(s) wait in the outbox, retrying every {}",
                    props.topic(),
                    cause.toString(),
                    capture.outbox().pending().size(),
                    props.retry());
        }
    }

    /** Sends {@code c}'s records and waits for the broker; returns the offset of the last one. */
    private long send(Change c, int[] count) throws InterruptedException, ExecutionException, TimeoutException {
        List<byte[]> values;
        if (c.isSnapshot()) {
            values = List.of((c.snapshotSha256() + "  " + c.snapshot() + "\n").getBytes(StandardCharsets.US_ASCII));
        } else {
            values = null;
        }
        Path patch = capture.outbox().patchOf(c);
        List<long[]> ranges =
                values == null ? chunks(patch, (int) props.chunkSize().toBytes()) : List.of();
        int n = values == null ? ranges.size() : 1;
        Deque<CompletableFuture<SendResult<String, byte[]>>> inFlight = new ArrayDeque<>();
        long offset = -1;
        try (FileChannel ch = values == null ? FileChannel.open(patch, StandardOpenOption.READ) : null) {
            for (int i = 0; i < n; i++) {
                byte[] value = values != null ? values.get(0) : read(ch, ranges.get(i));
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                        props.topic(), 0, null, Long.toString(c.sequence()), value, c.headers(i, n));
                inFlight.add(kafka.send(record));
                if (inFlight.size() >= WINDOW) {
                    offset = await(inFlight.poll());
                }
            }
            while (!inFlight.isEmpty()) {
                offset = await(inFlight.poll());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        count[0] = n;
        return offset;
    }

    private long await(CompletableFuture<SendResult<String, byte[]>> f)
            throws InterruptedException, ExecutionException, TimeoutException {
        return f.get(2 * props.retry().toMillis() + 60_000, TimeUnit.MILLISECONDS)
                .getRecordMetadata()
                .offset();
    }

    /** Byte ranges of at most {@code max} bytes, each ending at a line end (a longer line is a range of its own). */
    static List<long[]> chunks(Path file, int max) {
        List<long[]> out = new ArrayList<>();
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            long start = 0;
            long lineStart = 0;
            long pos = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    pos++;
                    if (buf[i] == '\n') {
                        if (pos - start > max && lineStart > start) {
                            out.add(new long[] {start, lineStart});
                            start = lineStart;
                        }
                        lineStart = pos;
                    }
                }
            }
            if (pos > start) {
                out.add(new long[] {start, pos});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static byte[] read(FileChannel ch, long[] range) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) (range[1] - range[0]));
        long pos = range[0];
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new IOException("Patch file shorter than expected");
            }
            pos += n;
        }
        return buf.array();
    }
}
