package org.cikg.store;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.dboe.DBOpEnvException;

/**
 * The store folder is in use by another process, so this one cannot open it; the message says which and what to do.
 *
 * <p>What TDB2 5.6.0 does: one process at a time may open a store. It takes an operating-system lock
 * ({@code FileChannel.tryLock}) on the folder's {@code tdb.lock} and writes its process id there. The operating
 * system releases that lock the moment the process ends, however it ends ({@code kill -9} and crashes included), so a
 * lock file left by a dead process never blocks a start: the next process takes the lock and overwrites the id.
 * When opening fails, the holder is therefore alive; on this machine, or on another one sharing the folder (a
 * network file system, a container), in which case its id means nothing here.
 */
public class StoreLockedException extends RuntimeException {
    private static final Pattern HOLDER = Pattern.compile("held by process (\\d+)");

    private final long pid;

    StoreLockedException(String message, long pid, Throwable cause) {
        super(message, cause);
        this.pid = pid;
    }

    /** The holder's process id as the lock file names it; -1 when it could not be read. */
    public long pid() {
        return pid;
    }

    /** The explanation for TDB2's lock failure on {@code folder}, or empty when {@code e} is another failure. */
    static Optional<StoreLockedException> of(DBOpEnvException e, Path folder) {
        String m = e.getMessage();
        if (m == null || !m.contains("Failed to get a lock")) {
            return Optional.empty();
        }
        Matcher h = HOLDER.matcher(m);
        long pid = h.find() ? Long.parseLong(h.group(1)) : -1;
        Optional<ProcessHandle> holder =
                pid < 0 ? Optional.empty() : ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        String where = "The store " + folder.toAbsolutePath() + " is in use by another process: TDB2 lets one process "
                + "at a time open a store, with an operating-system lock on its tdb.lock file. ";
        String what;
        if (holder.isPresent()) {
            String command = holder.get()
                    .info()
                    .commandLine()
                    .map(c -> " (" + abbreviate(c) + ")")
                    .orElse("");
            what = "It is held by process " + pid + command + ", which is running. Stop it first: kill " + pid
                    + "; if it has not ended after 30 s (a JVM short of heap may not), kill -9 " + pid + " is safe: "
                    + "TDB2 recovers every committed write from its journal, and the system releases the lock at "
                    + "once. Or start this one with another kg.store.location.";
        } else if (pid >= 0) {
            what = "The lock file names process " + pid + ", which is not running on this machine, yet the lock is "
                    + "held: a lock left by a process that ended is never in the way (the system releases it when the "
                    + "process ends, even after kill -9), so the holder runs elsewhere, on another machine or in "
                    + "another container sharing this folder. Stop the service there, or start this one with another "
                    + "kg.store.location.";
        } else {
            what = "Its holder could not be read from the lock file. Find the process with: fuser -v "
                    + folder.toAbsolutePath().resolve("tdb.lock") + ", stop it, or use another kg.store.location.";
        }
        return Optional.of(new StoreLockedException(where + what, pid, e));
    }

    private static String abbreviate(String command) {
        return command.length() > 160 ? command.substring(0, 160) + "..." : command;
    }
}
