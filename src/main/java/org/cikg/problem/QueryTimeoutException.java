package org.cikg.problem;

import java.time.Duration;

/** A query ran past its limit (503 with Retry-After). */
public class QueryTimeoutException extends RuntimeException {
    public QueryTimeoutException(String name, Duration limit, Throwable cause) {
        super("Query '" + name + "' ran past the " + limit.toMillis() + " ms limit", cause);
    }
}
