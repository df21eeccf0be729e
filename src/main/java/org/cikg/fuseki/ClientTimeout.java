package org.cikg.fuseki;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The {@code timeout} request parameter of the SPARQL protocol as Fuseki reads it: whole seconds, either one value
 * (the limit for the whole query) or two, {@code first,overall} (the limit for the first row, then for the whole
 * query). It is the only way Fuseki 5.6.0 lets a client set a query's timeout (it reads no header); it reads the
 * parameter from the query string or a form body alike.
 *
 * <p>A client may only lower the service's limit. Fuseki 5.6.0 itself caps a single value by the dataset's
 * {@code arq:queryTimeout}, but takes the first value of a pair as is when the context holds one value: with
 * {@code timeout=120,120} the first-row limit became 120 s, and a query that produces no row before it ends (a sort,
 * a count) then ran for 120 s. {@link #cappedAt} caps both values.
 *
 * @param firstRowMillis limit for the first row; -1 when not given
 * @param overallMillis  limit for the whole query; -1 when not given
 */
record ClientTimeout(long firstRowMillis, long overallMillis) {
    static final String PARAMETER = "timeout";
    /** At most nine digits a value: larger is no limit anyone means, and stays far from overflowing. */
    private static final Pattern FORM = Pattern.compile("\\d{1,9}(,\\d{1,9})?");

    static final ClientTimeout NONE = new ClientTimeout(-1, -1);

    /**
     * Parses the parameter's value: {@code N} or {@code N,M}, whole seconds.
     *
     * @throws IllegalArgumentException for anything else (a negative or decimal value, three values, text)
     */
    static ClientTimeout parse(String value) {
        if (value == null) {
            return NONE;
        }
        String v = value.strip();
        if (!FORM.matcher(v).matches()) {
            throw new IllegalArgumentException("timeout must be whole seconds, one value or two separated by a comma "
                    + "(first row, whole query)");
        }
        int comma = v.indexOf(',');
        if (comma < 0) {
            return new ClientTimeout(-1, seconds(v));
        }
        return new ClientTimeout(seconds(v.substring(0, comma)), seconds(v.substring(comma + 1)));
    }

    private static long seconds(String digits) {
        long s = Long.parseLong(digits);
        return s == 0 ? -1 : s * 1000; // Fuseki reads 0 as "not set"
    }

    /**
     * The limits to run with: each no longer than {@code limit}, and the first-row limit no longer than the overall
     * one (an unset value becomes the limit).
     */
    ClientTimeout cappedAt(Duration limit) {
        long max = limit.toMillis();
        long overall = overallMillis > 0 ? Math.min(overallMillis, max) : max;
        long first = firstRowMillis > 0 ? Math.min(firstRowMillis, overall) : overall;
        return new ClientTimeout(first, overall);
    }
}
