package org.cikg.fuseki;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.jena.sparql.exec.QueryExec;
import org.cikg.sparql.RunningQueries;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.util.BufferUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices a client that went away while its query is still being computed, and aborts the query.
 *
 * <p>Jetty 12 does not notice on its own: over HTTP/1.1 it does not read the connection while a request is being
 * handled, so a client's close (its FIN) is seen only at the first write of the response, which for a sort, a
 * count or a query whose first row is slow comes only when the query ends (checked: a Jetty failure listener fired
 * only then). So, as Go's HTTP server does, the connection is read in the background: every {@code period} one
 * non-blocking {@link EndPoint#fill} of at most one byte. End of stream or an error means the client is gone: the
 * {@link QueryExec} is aborted (ARQ's own cancel, as its timeout does). A byte read means the client pipelined its
 * next request: the watch stops, and the connection is closed after this response (an HTTP/1.1 client that
 * pipelines must resend requests left unanswered on a closed connection).
 *
 * <p>The watch covers the time before the response's first byte is written. After that, Jetty's writes fail on a
 * closed connection, which ends the query through Fuseki's own error path. Only plain HTTP/1.1 connections are
 * watched (the only kind the embedded server runs); a client whose machine vanishes without closing is noticed by
 * neither, and its query ends at the timeout.
 */
final class ClientWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClientWatch.class);
    /** The request attribute holding the request's {@link Watched}, for the query service to attach its query. */
    static final String ATTRIBUTE = ClientWatch.class.getName();

    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cikg-client-watch");
        t.setDaemon(true);
        return t;
    });

    ClientWatch(Duration period) {
        timer.scheduleWithFixedDelay(this::checkAll, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts watching the connection of {@code request} (a no-op watch for connections of another kind). */
    Watched watch(HttpServletRequest request) {
        EndPoint endPoint = null;
        try {
            ConnectionMetaData meta =
                    ServletContextRequest.getServletContextRequest(request).getConnectionMetaData();
            HttpVersion version = meta.getHttpVersion();
            if ((version == HttpVersion.HTTP_1_1 || version == HttpVersion.HTTP_1_0)
                    && !meta.isSecure()
                    && meta.getConnection().getEndPoint() instanceof SocketChannelEndPoint ep
                    && !ep.getChannel().isBlocking()) {
                endPoint = ep;
            }
        } catch (IllegalStateException notJetty) {
            // not a request of this container (a test double): nothing to watch
        }
        Watched w = new Watched(endPoint, request.getRemoteAddr());
        if (endPoint != null) {
            watched.add(w);
        }
        request.setAttribute(ATTRIBUTE, w);
        return w;
    }

    private void checkAll() {
        for (Watched w : watched) {
            try {
                w.check();
            } catch (RuntimeException e) {
                LOG.debug("Client watch failed for {}", w.client, e);
                w.stop();
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One request's watch: its connection, and the query to abort once the query service has created it. */
    final class Watched {
        private final EndPoint endPoint;
        private final String client;
        private final ByteBuffer one = ByteBuffer.allocate(1);
        private volatile QueryExec query;
        private volatile RunningQueries.Running running;
        private volatile boolean gone;
        private volatile boolean pipelined;
        private boolean stopped;

        private Watched(EndPoint endPoint, String client) {
            this.endPoint = endPoint;
            this.client = client;
        }

        /**
         * The query to abort if the client goes (at once if it has gone already), registered with
         * {@link RunningQueries} to be aborted at {@code limit} too, until {@link #end()}.
         */
        void attach(QueryExec exec, Duration limit) {
            running = RunningQueries.start(exec, limit);
            query = exec;
            if (gone) {
                exec.abort();
            }
        }

        /** The request has been answered: stop watching, and the query is no longer running. */
        void end() {
            stop();
            RunningQueries.Running r = running;
            if (r != null) {
                r.close();
            }
        }

        /** Whether the client pipelined a request we read a byte of: the connection must close after this one. */
        boolean pipelined() {
            return pipelined;
        }

        /** Whether the query was aborted here: its client went away, or it reached its deadline. */
        boolean stoppedHere() {
            RunningQueries.Running r = running;
            return gone || r != null && r.aborted();
        }

        /**
         * Stops watching; from then on nothing here reads the connection. Synchronized with {@link #check()}, so once
         * this returns no read is in progress either: Jetty may read the next request.
         */
        synchronized void stop() {
            stopped = true;
            watched.remove(this);
        }

        private synchronized void check() {
            if (stopped) {
                return;
            }
            int n;
            try {
                BufferUtil.clear(one); // empty in Jetty's flush mode, so fill has one byte of room
                n = endPoint.fill(one);
            } catch (IOException e) {
                n = -1;
            }
            if (n == 0) {
                return;
            }
            stopped = true;
            watched.remove(this);
            if (n > 0) {
                pipelined = true;
                return;
            }
            gone = true;
            QueryExec q = query;
            if (q != null) {
                LOG.info("Client {} closed the connection; its query was aborted", client);
                q.abort();
            }
        }
    }
}
