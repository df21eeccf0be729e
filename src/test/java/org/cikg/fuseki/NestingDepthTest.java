package org.cikg.fuseki;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NestingDepthTest {

    @Test
    void countsTheDeepestBracketNesting() {
        assertThat(NestingDepth.of("SELECT * WHERE { ?s ?p ?o }")).isEqualTo(1);
        assertThat(NestingDepth.of("SELECT * WHERE { { FILTER((1 + [ ]) > 0) } }"))
                .isEqualTo(5);
        assertThat(NestingDepth.of("{".repeat(100))).isEqualTo(100);
    }

    @Test
    void ignoresBracketsInStringsIrisAndComments() {
        assertThat(NestingDepth.of("ASK { FILTER(\"{{{(((\" = '[[[' ) } # {{{{{{"))
                .isEqualTo(2);
        assertThat(NestingDepth.of("ASK { ?s ?p \"\"\"multi\n{{{{ line\"\"\" }"))
                .isEqualTo(1);
        assertThat(NestingDepth.of("ASK { <http://x/a#b> ?p ?o }")).isEqualTo(1);
    }

    @Test
    void aQuoteInsideACommentCannotHideRealNesting() {
        String sneaky = "ASK { # don't\n" + "(".repeat(50) + "1" + ")".repeat(50) + " # '\n}";
        assertThat(NestingDepth.of(sneaky)).isEqualTo(51);
    }

    @Test
    void lessThanIsNotMistakenForAnIri() {
        assertThat(NestingDepth.of("ASK { FILTER(?a < ?b && ((?c > 1))) }")).isEqualTo(4);
    }
}
