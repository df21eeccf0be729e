package org.cikg.entity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.cikg.core.RequestLanguage;
import org.cikg.problem.BadRequestException;
import org.springframework.http.HttpHeaders;

/**
 * The language names are shown in: {@code ?lang=} when given (validated), else the first supported language of
 * {@code Accept-Language}, else English, as {@link RequestLanguage} reads them. Only the languages the graph has
 * labels in are offered.
 *
 * @param code     the language (en, ar, he, ru, fr, zh)
 * @param explicit whether it came from {@code ?lang=} (then links carry it on)
 */
public record LabelLanguage(String code, boolean explicit) {
    static final List<String> SUPPORTED = List.of("en", "zh", "ar", "he", "ru", "fr");
    static final LabelLanguage ENGLISH = new LabelLanguage("en", false);

    static LabelLanguage of(HttpServletRequest request) {
        String param = request.getParameter("lang");
        if (param != null && !param.isBlank()) {
            String code = RequestLanguage.resolve(param, null);
            if (!SUPPORTED.contains(code)) {
                throw new BadRequestException("Parameter 'lang' must be one of " + SUPPORTED);
            }
            return new LabelLanguage(code, true);
        }
        String code = RequestLanguage.firstOf(SUPPORTED, request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        return code.equals(ENGLISH.code()) ? ENGLISH : new LabelLanguage(code, false);
    }

    /** The query suffix links carry so the choice survives navigation: {@code ?lang=fr} or empty. */
    String suffix() {
        return explicit ? "?lang=" + code : "";
    }

    /** The languages to offer in the switch, with their own names. */
    static List<Choice> choices() {
        return List.of(
                new Choice("en", "English"),
                new Choice("zh", "中文"),
                new Choice("ar", "العربية"),
                new Choice("he", "עברית"),
                new Choice("ru", "Русский"),
                new Choice("fr", "Français"));
    }

    /** One entry of the language switch. */
    public record Choice(String code, String name) {}
}
