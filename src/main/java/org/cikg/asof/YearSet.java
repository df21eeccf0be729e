package org.cikg.asof;

import java.util.Arrays;

/**
 * A set of years from {@value AsOf#FIRST} on, as a bit set ({@value #SPAN} years: past any year {@link AsOf} accepts
 * for a long while). Years outside the span clamp to its ends, so an open range ("from 2019") is a range to the last
 * year of the span.
 */
public final class YearSet {
    static final int SPAN = 256;
    public static final YearSet ALL = new YearSet(new long[] {-1L, -1L, -1L, -1L});
    public static final YearSet NONE = new YearSet(new long[4]);

    private final long[] bits;

    private YearSet(long[] bits) {
        this.bits = bits;
    }

    /** The years from {@code first} to {@code last}, both included; null for an open end. */
    public static YearSet range(Integer first, Integer last) {
        int from = first == null ? 0 : Math.max(0, first - AsOf.FIRST);
        int to = last == null ? SPAN - 1 : Math.min(SPAN - 1, last - AsOf.FIRST);
        if (from > to) {
            return NONE;
        }
        long[] b = new long[4];
        for (int i = from; i <= to; i++) {
            b[i >> 6] |= 1L << (i & 63);
        }
        return new YearSet(b);
    }

    public boolean contains(int year) {
        int i = year - AsOf.FIRST;
        if (i < 0 || i >= SPAN) {
            return false;
        }
        return (bits[i >> 6] & (1L << (i & 63))) != 0;
    }

    public YearSet and(YearSet o) {
        long[] b = new long[4];
        for (int i = 0; i < 4; i++) {
            b[i] = bits[i] & o.bits[i];
        }
        return new YearSet(b);
    }

    public YearSet or(YearSet o) {
        long[] b = new long[4];
        for (int i = 0; i < 4; i++) {
            b[i] = bits[i] | o.bits[i];
        }
        return new YearSet(b);
    }

    public boolean isEmpty() {
        return Arrays.equals(bits, NONE.bits);
    }

    public boolean isAll() {
        return Arrays.equals(bits, ALL.bits);
    }

    /** The first year in the set; empty set: none. */
    public java.util.OptionalInt first() {
        for (int i = 0; i < SPAN; i++) {
            if ((bits[i >> 6] & (1L << (i & 63))) != 0) {
                return java.util.OptionalInt.of(AsOf.FIRST + i);
            }
        }
        return java.util.OptionalInt.empty();
    }

    /** The last year in the set, when the set ends before the end of the span; else none. */
    public java.util.OptionalInt lastBeforeEnd() {
        if (contains(AsOf.FIRST + SPAN - 1)) {
            return java.util.OptionalInt.empty();
        }
        for (int i = SPAN - 1; i >= 0; i--) {
            if ((bits[i >> 6] & (1L << (i & 63))) != 0) {
                return java.util.OptionalInt.of(AsOf.FIRST + i);
            }
        }
        return java.util.OptionalInt.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof YearSet y && Arrays.equals(bits, y.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
        if (isAll()) {
            return "always";
        }
        if (isEmpty()) {
            return "never";
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < SPAN) {
            if (contains(AsOf.FIRST + i)) {
                int j = i;
                while (j + 1 < SPAN && contains(AsOf.FIRST + j + 1)) {
                    j++;
                }
                sb.append(sb.isEmpty() ? "" : ",")
                        .append(AsOf.FIRST + i)
                        .append(j == i ? "" : j == SPAN - 1 ? "-" : "-" + (AsOf.FIRST + j));
                i = j + 1;
            } else {
                i++;
            }
        }
        return sb.toString();
    }
}
