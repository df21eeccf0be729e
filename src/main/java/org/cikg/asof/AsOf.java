package org.cikg.asof;

import java.time.Year;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cikg.problem.BadRequestException;

/**
 * The year a request reads the graph as of ({@code asOf=2019}): four digits, from {@value #FIRST} to next year.
 * Anything else is a 400 saying what is accepted.
 *
 * @param year the year
 */
public record AsOf(int year) {
    /** The request parameter, the same everywhere (pages, RDF documents, named questions, exports, explorer). */
    public static final String PARAM = "asOf";
    /** The earliest year accepted. */
    public static final int FIRST = 1900;

    private static final Pattern FOUR_DIGITS = Pattern.compile("[0-9]{4}");

    /** The latest year accepted: next year (a plan or a target can be dated there). */
    public static int last() {
        return Year.now(ZoneOffset.UTC).getValue() + 1;
    }

    /** The year of an {@code asOf} parameter; empty when it is absent or blank (the graph as it is). */
    public static Optional<AsOf> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        int y = FOUR_DIGITS.matcher(v).matches() ? Integer.parseInt(v) : -1;
        if (y < FIRST || y > last()) {
            throw new BadRequestException("Parameter '" + PARAM + "' must be a year from " + FIRST + " to " + last()
                    + ", four digits (asOf=2019); leave it out to see the graph as it is now");
        }
        return Optional.of(new AsOf(y));
    }
}
