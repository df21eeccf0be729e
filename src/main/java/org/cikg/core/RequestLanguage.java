package org.cikg.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.cikg.problem.BadRequestException;

/**
 * The language a request asks for, read one way everywhere (pages, search, the named questions, graph exports,
 * reconciliation): the {@code lang} parameter when the request gives one (validated: 400 when it is not a language
 * tag), else the first usable range of {@code Accept-Language}, else English.
 *
 * <p>A usable range has a q-value above 0 and a primary subtag of two or three letters ({@code *}, {@code i-...}
 * and {@code x-...} ranges are passed over). Ranges are taken by q-value, then in the order written. A header that
 * does not parse, or is longer than {@value #MAX_HEADER} characters, counts as absent: a bad header is not an error
 * of the call.
 *
 * <pre>{@code
 * String tag = RequestLanguage.resolve(request.getParameter("lang"), request.getHeader("Accept-Language"));
 * String zh = RequestLanguage.primary("zh-Hans");                                  // "zh"
 * String page = RequestLanguage.firstOf(List.of("en", "fr"), "de, fr;q=0.8");      // "fr"
 * }</pre>
 */
public final class RequestLanguage {
    /** The language of a request that names none. */
    public static final String DEFAULT = "en";
    /** Longest Accept-Language header read. */
    static final int MAX_HEADER = 500;

    private static final Pattern TAG = Pattern.compile("[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8}){0,3}");
    private static final Pattern PRIMARY = Pattern.compile("[a-z]{2,3}");

    private RequestLanguage() {}

    /**
     * The language a request asks for: {@code langParam} when not blank (validated, lower-cased), else the first
     * usable range of {@code acceptLanguage} (lower-cased), else {@value #DEFAULT}.
     */
    public static String resolve(String langParam, String acceptLanguage) {
        if (langParam != null && !langParam.isBlank()) {
            return tag("lang", langParam);
        }
        List<String> preferred = preferred(acceptLanguage);
        return preferred.isEmpty() ? DEFAULT : preferred.get(0);
    }

    /** The first of {@code offered} (primary subtags) that the header asks for, else {@value #DEFAULT}. */
    public static String firstOf(Collection<String> offered, String acceptLanguage) {
        for (String range : preferred(acceptLanguage)) {
            String p = primary(range);
            if (offered.contains(p)) {
                return p;
            }
        }
        return DEFAULT;
    }

    /** The usable ranges of an {@code Accept-Language} header, most wanted first, lower-cased; empty when none. */
    public static List<String> preferred(String acceptLanguage) {
        List<String> out = new ArrayList<>();
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > MAX_HEADER) {
            return out;
        }
        try {
            for (Locale.LanguageRange r : Locale.LanguageRange.parse(acceptLanguage)) {
                String range = r.getRange().toLowerCase(Locale.ROOT);
                if (r.getWeight() > 0 && PRIMARY.matcher(primary(range)).matches()) {
                    out.add(range);
                }
            }
        } catch (IllegalArgumentException malformed) {
            out.clear();
        }
        return out;
    }

    /** A language tag given as request parameter {@code param}: validated, lower-cased; 400 naming it otherwise. */
    public static String tag(String param, String value) {
        String v = value.strip();
        if (!TAG.matcher(v).matches()) {
            throw new BadRequestException(
                    "Parameter '" + param + "' must be a language tag such as en, ar, he, ru, fr, zh");
        }
        return v.toLowerCase(Locale.ROOT);
    }

    /** The primary subtag of a tag, lower-cased: {@code zh-Hans} → {@code zh}. */
    public static String primary(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
