package org.cikg.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cikg.problem.BadRequestException;
import org.junit.jupiter.api.Test;

/** The one reading of a request's language: the parameter, else Accept-Language, else English. */
class RequestLanguageTest {
    @Test
    void theParameterWinsAndIsValidated() {
        assertThat(RequestLanguage.resolve("FR", "ar")).isEqualTo("fr");
        assertThat(RequestLanguage.resolve("zh-Hans", null)).isEqualTo("zh-hans");
        assertThatThrownBy(() -> RequestLanguage.resolve("english!", null))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("'lang'");
    }

    @Test
    void elseTheFirstUsableRangeOfAcceptLanguage() {
        assertThat(RequestLanguage.resolve(null, "ar, en;q=0.5")).isEqualTo("ar");
        assertThat(RequestLanguage.resolve("", "en;q=0.2, ru")).as("by q-value").isEqualTo("ru");
        assertThat(RequestLanguage.resolve(null, "*, x-klingon, he;q=0.1"))
                .as("* and x- ranges passed over")
                .isEqualTo("he");
        assertThat(RequestLanguage.resolve(null, "fr;q=0"))
                .as("q=0 is a refusal")
                .isEqualTo("en");
    }

    @Test
    void aMissingOrBadHeaderMeansEnglish() {
        assertThat(RequestLanguage.resolve(null, null)).isEqualTo("en");
        assertThat(RequestLanguage.resolve(null, "} UNION {")).isEqualTo("en");
        assertThat(RequestLanguage.resolve(null, "fr," + "x".repeat(600)))
                .as("too long")
                .isEqualTo("en");
    }

    @Test
    void firstOfferedLanguageAndPrimarySubtag() {
        assertThat(RequestLanguage.firstOf(List.of("en", "fr"), "de, fr-CH;q=0.8"))
                .isEqualTo("fr");
        assertThat(RequestLanguage.firstOf(List.of("en", "fr"), "de")).isEqualTo("en");
        assertThat(RequestLanguage.primary("zh-Hans-CN")).isEqualTo("zh");
    }
}
