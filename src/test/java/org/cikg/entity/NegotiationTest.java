package org.cikg.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

class NegotiationTest {

    @Test
    void eachRdfMediaTypeSelectsItsFormat() throws Exception {
        for (RdfFormat f : RdfFormat.values()) {
            assertThat(Negotiation.of(f.mediaType(), true).format()).isEqualTo(f);
        }
    }

    @Test
    void browsersAndWildcardsGetHtml() throws Exception {
        assertThat(Negotiation.of("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", true)
                        .html())
                .isTrue();
        assertThat(Negotiation.of("*/*", true).html()).isTrue();
        assertThat(Negotiation.of(null, true).html()).isTrue();
    }

    @Test
    void qualityValuesDecideAndSpecificBeatsWildcard() throws Exception {
        assertThat(Negotiation.of("text/html;q=0.5, text/turtle", true).format())
                .isEqualTo(RdfFormat.TURTLE);
        assertThat(Negotiation.of("*/*, application/ld+json", true).format()).isEqualTo(RdfFormat.JSONLD);
    }

    @Test
    void withoutHtmlAWildcardGetsTurtle() throws Exception {
        assertThat(Negotiation.of("*/*", false).format()).isEqualTo(RdfFormat.TURTLE);
    }

    @Test
    void unacceptableTypesAreRefused() {
        assertThatThrownBy(() -> Negotiation.of("image/png", true))
                .isInstanceOf(HttpMediaTypeNotAcceptableException.class);
        assertThatThrownBy(() -> Negotiation.of("text/html", false))
                .isInstanceOf(HttpMediaTypeNotAcceptableException.class);
        assertThatThrownBy(() -> Negotiation.of("text/turtle;q=0", true))
                .isInstanceOf(HttpMediaTypeNotAcceptableException.class);
    }
}
