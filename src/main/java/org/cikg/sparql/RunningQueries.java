package org.cikg.sparql;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.jena.sparql.exec.QueryExec;

/**
 * Every query execution on the embedded store that is running now, from the SPARQL endpoints and the facade alike,
 * each aborted at its deadline with {@link QueryExec#abort()}.
 *
 * <p>Why abort on top of ARQ's own timeout: in Jena 5.6.0 the timeout only raises the execution's cancel flag,
 * which the iterators read between rows. A sort that has spilled to disk sorts its next run before it asks for
 * another row, and that run's sort is only abandoned by the iterators' cancel, which {@code abort()} sends and the
 * timeout does not (measured: an {@code ORDER BY} over a cross product ended 4.4 s after a 10 s limit, two at once
 * 27 s after). {@code abort()} is ARQ's own cancel: it raises the same flag and cancels the iterator chain.
 */
public final class RunningQueries {
    private static final ScheduledThreadPoolExecutor TIMER = timer();
    private static final Set<Running> RUNNING = ConcurrentHashMap.newKeySet();

    private RunningQueries() {}

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "cikg-query-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        t.setRemoveOnCancelPolicy(true);
        return t;
    }

    /** Registers {@code exec}, to be aborted {@code limit} from now unless {@link Running#close() closed} first. */
    public static Running start(QueryExec exec, Duration limit) {
        Running r = new Running(exec);
        RUNNING.add(r);
        r.deadline = TIMER.schedule(r::abort, Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
        return r;
    }

    /** How many executions are registered now. */
    public static int count() {
        return RUNNING.size();
    }

    /**
     * One registered execution; {@link #close()} when it has ended (idempotent). Once {@link #aborted()}, any error
     * the execution raises is the abort's doing: in Jena 5.6.0 an abort that lands while a spilled sort writes its
     * next run fails with a {@code NullPointerException} ({@code SortedDataBag.cancel} closes the bag under the
     * running {@code spill}), not with {@code QueryCancelledException}; callers report either as the timeout.
     */
    public static final class Running implements AutoCloseable {
        private final QueryExec exec;
        private volatile ScheduledFuture<?> deadline;
        private volatile boolean aborted;

        private Running(QueryExec exec) {
            this.exec = exec;
        }

        private void abort() {
            aborted = true;
            exec.abort();
        }

        /** Whether this execution was aborted here (at its deadline). */
        public boolean aborted() {
            return aborted;
        }

        @Override
        public void close() {
            RUNNING.remove(this);
            ScheduledFuture<?> d = deadline;
            if (d != null) {
                d.cancel(false);
            }
        }
    }
}
