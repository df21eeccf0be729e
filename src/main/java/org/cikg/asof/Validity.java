package org.cikg.asof;

/**
 * The years a triple holds, and in which of them a date says so. A claim is dated by its statement's start and end
 * years, or by the founding (start, end) years of what it links; a claim with no date at all holds in every year and
 * is shown as undated, never dropped.
 *
 * @param holds the years it holds
 * @param dated the years among those in which a date bounds it (the rest: it holds only because nothing dates it)
 */
public record Validity(YearSet holds, YearSet dated) {
    /** Holds in every year; no date says so. */
    public static final Validity UNDATED = new Validity(YearSet.ALL, YearSet.NONE);
    /** Holds in no year. */
    public static final Validity NEVER = new Validity(YearSet.NONE, YearSet.NONE);

    /** Holds in exactly these years, by a date. */
    public static Validity dated(YearSet years) {
        return new Validity(years, years);
    }

    /** Both hold: the years both hold, dated where either is. */
    public Validity and(Validity o) {
        YearSet h = holds.and(o.holds);
        return new Validity(h, h.and(dated.or(o.dated)));
    }

    /** Either holds. */
    public Validity or(Validity o) {
        return new Validity(holds.or(o.holds), dated.or(o.dated));
    }

    public boolean holdsIn(int year) {
        return holds.contains(year);
    }

    /** Holds in {@code year} only because nothing dates it there: pages mark it "undated". */
    public boolean undatedIn(int year) {
        return holds.contains(year) && !dated.contains(year);
    }
}
