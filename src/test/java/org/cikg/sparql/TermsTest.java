package org.cikg.sparql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cikg.problem.BadRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TermsTest {

    @Test
    void entityAcceptsSlugOrIriInOurNamespace() {
        assertThat(Terms.entity("policy", "eagle-project").getURI())
                .isEqualTo("https://w3id.org/cikg/id/eagle-project");
        assertThat(Terms.entity("policy", "https://w3id.org/cikg/id/deepseek").getURI())
                .isEqualTo("https://w3id.org/cikg/id/deepseek");
    }

    static java.util.stream.Stream<String> notEntities() {
        return java.util.stream.Stream.of(
                "eagle-project> } UNION { ?s ?p ?o",
                "a\"b",
                "<x>",
                "http://example.org/x",
                "Eagle",
                "a b",
                "x\ny",
                "}",
                "'",
                "يونيتري",
                "");
    }

    @ParameterizedTest
    @MethodSource("notEntities")
    void entityRejectsAnythingElseNamingTheParameter(String bad) {
        assertThatThrownBy(() -> Terms.entity("policy", bad))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("'policy'");
    }

    @Test
    void yearIsAGYearLiteral() {
        assertThat(Terms.year("from", "2019").getLiteralDatatypeURI()).endsWith("#gYear");
        assertThatThrownBy(() -> Terms.year("from", "2019\""))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("'from'");
    }

    @Test
    void langTagsAreValidated() {
        assertThat(Terms.lang("lang", "AR")).isEqualTo("ar");
        assertThat(Terms.lang("lang", "zh-Hans")).isEqualTo("zh-hans");
        assertThatThrownBy(() -> Terms.lang("lang", "en\") }")).isInstanceOf(BadRequestException.class);
    }

    @Test
    void positiveIntIsBounded() {
        assertThat(Terms.positiveInt("limit", "10", 100)).isEqualTo(10);
        assertThatThrownBy(() -> Terms.positiveInt("limit", "0", 100)).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> Terms.positiveInt("limit", "1000", 100)).isInstanceOf(BadRequestException.class);
    }
}
