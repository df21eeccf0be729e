package org.cikg.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The HTML pages as a browser gets them (no JavaScript needed). */
class PagesIT extends ServiceITBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    private String html(String path) {
        HttpResponse<String> r = get(facade(path), "text/html");
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    @Test
    void entityPageShowsNamesTypesFactsWithSourcesHedgingAndLinks() {
        String page = html("/page/unitree-robotics");
        assertThat(page).contains("<h1 lang=\"en\" dir=\"auto\">Unitree Robotics</h1>");
        // other names, each with its language and dir=auto
        assertThat(page).containsPattern("<span class=\"name\" dir=\"auto\" lang=\"ar\">[^<]+</span>");
        assertThat(page).contains("href=\"/class/Startup\"");
        // the Eagle Project fact, linked, with its source article and paragraph
        assertThat(page).contains("href=\"/page/eagle-project\"");
        assertThat(page).containsPattern("href=\"/source/000_0363365239e414fe#p\\d+\"");
        assertThat(page).containsPattern("¶\\d+");
        // a hedged claim is visibly marked; derived facts are marked as inferred
        assertThat(page).contains("badge hedged").contains("badge inferred");
        // what links here, figures, the neighbourhood drawing, downloads, open as SPARQL
        assertThat(page)
                .contains("What links here")
                .contains("<table class=\"indicators\">")
                .contains("<svg");
        for (RdfFormat f : RdfFormat.values()) {
            assertThat(page).contains("href=\"/data/unitree-robotics." + f.extension() + "\"");
        }
        assertThat(page).contains("Open as SPARQL");
    }

    @Test
    void inferredInverseFactShowsTheSourcesOfTheClaimItCameFrom() {
        String page = html("/page/eagle-project");
        // the property's block runs to the next property's heading (an explanation inside it has lists of its own)
        Matcher beneficiary = Pattern.compile(
                        "<h3><a href=\"/ontology#beneficiary\">beneficiary</a></h3>(.*?)(?:<h3>|</section>)",
                        Pattern.DOTALL)
                .matcher(page);
        assertThat(beneficiary.find()).isTrue();
        assertThat(beneficiary.group(1))
                .contains("href=\"/page/unitree-robotics\"")
                .contains("badge inferred")
                .contains("from the claim ‘benefited from’")
                .containsPattern("href=\"/source/[^\"]+#p\\d+\"");
    }

    @Test
    void hiddenLabelsAreForMentionFindingNotForThePage() {
        String page = html("/page/china");
        assertThat(page).contains("Chine");
        assertThat(page).doesNotContain("chinois").doesNotContain("hiddenLabel");
    }

    @Test
    void datedFactsFormATimeline() {
        String page = html("/page/xi-jinping");
        assertThat(page).contains("<ol class=\"timeline\">");
        Matcher years = Pattern.compile("<span class=\"year\">(\\d{4})").matcher(page);
        TreeSet<Integer> seen = new TreeSet<>();
        int previous = Integer.MIN_VALUE;
        while (years.find()) {
            int y = Integer.parseInt(years.group(1));
            assertThat(y).isGreaterThanOrEqualTo(previous);
            previous = y;
            seen.add(y);
        }
        assertThat(seen).isNotEmpty();
    }

    @Test
    void labelLanguageSwitchShowsLinkedNamesInTheChosenLanguage() {
        String english = html("/page/deepseek");
        assertThat(english).contains(">Hangzhou</a>");
        String russian = html("/page/deepseek?lang=ru");
        assertThat(russian).contains(">Ханчжоу</a>").contains("href=\"/page/hangzhou?lang=ru\"");
        HttpResponse<String> byHeader = send(HttpRequest.newBuilder(URI.create(facade("/page/deepseek")))
                .header("Accept", "text/html")
                .header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5")
                .GET()
                .build());
        assertThat(byHeader.body()).contains(">Ханчжоу</a>");
        assertThat(get(facade("/page/deepseek?lang=xx"), "text/html").statusCode())
                .isEqualTo(400);
    }

    @Test
    void sourcePageListsEveryClaimUnderItsParagraph() throws Exception {
        String stem = "004_184092115e918c69";
        HttpResponse<String> r = sparql("""
                PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX cikg: <https://w3id.org/cikg/ontology#>
                SELECT ?p (COUNT(?st) AS ?n) WHERE {
                  ?st prov:wasDerivedFrom <https://w3id.org/cikg/source/004_184092115e918c69> ; cikg:paragraph ?p }
                GROUP BY ?p ORDER BY ?p""");
        Map<Integer, Integer> expected = new LinkedHashMap<>();
        for (JsonNode b : JSON.readTree(r.body()).get("results").get("bindings")) {
            expected.put(
                    b.get("p").get("value").asInt(), b.get("n").get("value").asInt());
        }
        assertThat(expected).isNotEmpty();
        String page = html("/source/" + stem);
        assertThat(page)
                .contains("Devrait-il avoir le crédit pour incubation Deepseek?")
                .contains("<dd>fr</dd>");
        Map<Integer, Integer> shown = new LinkedHashMap<>();
        Matcher sections = Pattern.compile(
                        "<section class=\"paragraph\" id=\"p(\\d+)\">(.*?)</section>", Pattern.DOTALL)
                .matcher(page);
        while (sections.find()) {
            int rows = sections.group(2).split("<tr", -1).length - 2; // minus the text before and the header row
            shown.put(Integer.parseInt(sections.group(1)), rows);
        }
        assertThat(shown).isEqualTo(expected);
    }

    @Test
    void classPageListsItsMembersIncludingSubclasses() {
        String page = html("/class/Company");
        assertThat(page).contains("href=\"/page/unitree-robotics\"").contains("href=\"/page/deepseek\"");
        assertThat(get(facade("/class/NoSuchClass"), "text/html").statusCode()).isEqualTo(404);
    }

    /** A long class list comes in pages: every member exactly once across them, links between pages, bad pages 4xx. */
    @Test
    void classPageIsPaged() {
        String first = html("/class/Indicator?size=50");
        String second = html("/class/Indicator?page=2&size=50");
        assertThat(first)
                .contains("<strong>71</strong> members")
                .contains("1–50 shown")
                .contains("rel=\"next\" href=\"/class/Indicator?page=2&amp;size=50&amp;lang=en\"")
                .doesNotContain("rel=\"prev\"");
        assertThat(second).contains("51–71 shown").contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        java.util.regex.Pattern member = java.util.regex.Pattern.compile("<td><a href=\"(/page/[^\"]+)\"");
        java.util.List<String> a =
                member.matcher(first).results().map(m -> m.group(1)).toList();
        java.util.List<String> b =
                member.matcher(second).results().map(m -> m.group(1)).toList();
        assertThat(a).hasSize(50).doesNotHaveDuplicates();
        assertThat(b).hasSize(21).doesNotHaveDuplicates().doesNotContainAnyElementsOf(a);
        assertThat(get(facade("/class/Indicator?page=3&size=50"), "text/html").statusCode())
                .isEqualTo(404);
        for (String bad : new String[] {"page=0", "size=0", "size=5000", "page=abc"}) {
            assertThat(get(facade("/class/Indicator?" + bad), "text/html").statusCode())
                    .as(bad)
                    .isEqualTo(400);
        }
    }

    @Test
    void homePageHasSearchClassesWithCountsSourcesAndEndpoints() {
        String page = html("/");
        assertThat(page).containsPattern("<form class=\"search big\" action=\"/search\"");
        assertThat(page).containsPattern("<input id=\"q\" type=\"search\" name=\"q\" data-autocomplete");
        assertThat(page).containsPattern("href=\"/class/Startup\"><span class=\"count\">\\d+</span>");
        assertThat(page).contains("href=\"/source/004_184092115e918c69\"");
        assertThat(page)
                .contains(sparqlEndpoint())
                .contains("href=\"/ontology\"")
                .contains("href=\"/.well-known/void\"");
    }
}
