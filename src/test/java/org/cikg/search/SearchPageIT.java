package org.cikg.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.Test;
import org.unbescape.html.HtmlEscape;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /search} and the autocomplete script, over HTTP. */
class SearchPageIT extends ServiceITBase {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void resultsPageListsMatchesWithTypeSummaryAndLinkToTheEntityPage() {
        HttpResponse<String> r = get(facade("/search?q=unitree"), "text/html");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        String html = r.body();
        assertThat(html)
                .contains("href=\"/page/unitree-robotics\"")
                .contains(">Unitree Robotics</a>")
                .contains(">Startup</span>");
        // The one-line summary is the entity's single English gloss (the shapes allow one), as the store holds it,
        // printed as escaped text.
        JsonNode bindings = JSON.readTree(sparql("SELECT ?c WHERE { <https://w3id.org/cikg/id/unitree-robotics> "
                                + "<http://www.w3.org/2000/01/rdf-schema#comment> ?c FILTER(lang(?c) = \"en\") }")
                        .body())
                .path("results")
                .path("bindings");
        assertThat(bindings).hasSize(1);
        String gloss = bindings.get(0).path("c").path("value").asString();
        assertThat(gloss).isNotBlank();
        assertThat(html).contains("<p class=\"result-summary\">" + HtmlEscape.escapeHtml4Xml(gloss) + "</p>");
        assertThat(html)
                .contains("<form action=\"/search\"")
                .contains("data-autocomplete")
                .contains("value=\"unitree\"")
                .contains("/js/autocomplete.js");
    }

    @Test
    void resultsPageShowsWhichForeignNameMatched() {
        String html = get(facade("/search?q=" + enc("ديب سيك")), "text/html").body();
        assertThat(html)
                .contains("href=\"/page/deepseek\"")
                .contains(">DeepSeek</a>")
                .contains("lang=\"ar\"")
                .contains("ديب سيك");
    }

    @Test
    void pageWithoutQueryShowsOnlyTheForm() {
        HttpResponse<String> r = get(facade("/search"), "text/html");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("data-autocomplete").doesNotContain("class=\"search-results\"");
    }

    @Test
    void queryIsEscapedWherePrinted() {
        HttpResponse<String> r = get(facade("/search?q=" + enc("<script>alert(1)</script>")), "text/html");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void tooLongQueryShowsTheReasonWith400() {
        HttpResponse<String> r = get(facade("/search?q=" + "x".repeat(201)), "text/html");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Parameter &#39;q&#39; is longer than 200 characters");
    }

    @Test
    void autocompleteScriptIsServedAndUsesListboxRoles() {
        HttpResponse<String> r = get(facade("/js/autocomplete.js"), "*/*");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("'listbox'")
                .contains("'option'")
                .contains("/api/search")
                .contains("ArrowDown")
                .contains("/page/");
    }
}
