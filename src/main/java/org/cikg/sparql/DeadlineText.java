package org.cikg.sparql;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.query.QueryCancelledException;

/**
 * A string as {@code java.util.regex} reads it, one {@link #charAt} at a time, that stops the reading once the query
 * it belongs to is cancelled (its timeout, an abort): every 1,024 characters read it looks at the execution's cancel
 * flag and throws {@link QueryCancelledException} when it is raised. A pattern that backtracks catastrophically reads
 * characters without end, so it stops within a few microseconds of the flag; a normal match reads each character a
 * few times and pays one volatile read every 1,024.
 */
final class DeadlineText implements CharSequence {
    private static final int CHECK_EVERY = 1024;

    private final String text;
    private final AtomicBoolean cancelled;
    private int reads;

    /** {@code text} read under {@code cancelled} (null: never cancelled). */
    DeadlineText(String text, AtomicBoolean cancelled) {
        this.text = text;
        this.cancelled = cancelled;
    }

    @Override
    public char charAt(int index) {
        if (++reads == CHECK_EVERY) {
            reads = 0;
            if (cancelled != null && cancelled.get()) {
                throw new QueryCancelledException();
            }
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new DeadlineText(text.substring(start, end), cancelled);
    }

    @Override
    public String toString() {
        return text;
    }
}
