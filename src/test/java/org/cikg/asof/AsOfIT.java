package org.cikg.asof;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The graph as of a year over the real data, for three years: 2015 (before DeepSeek's founding in 2023: the 2019 of
 * article 000 is deprecated), 2023 and
 * 2026 (the latest year the data dates): an entity page, an export of Hangzhou's neighbourhood, an RDF document, each with what differs between
 * the years; the named questions' as-of cases are in the golden files ({@code GoldenQueriesIT}). Bad years are 400
 * problems on every surface.
 */
class AsOfIT extends ServiceITBase {
    private static final String R1 = "deepseek-r1";
    private static final String DEEPSEEK = "/id/deepseek\"";
    private static final String ACTION_PLAN = "hangzhou-ai-industry-chain-high-quality-development-action-plan";

    private HttpResponse<String> ok(String path, String accept) {
        HttpResponse<String> r = get(facade(path), accept);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r;
    }

    @Test
    void theEntityPageBeforeTheFoundingSaysNotYetFoundedInsteadOf404() {
        String page = ok("/page/deepseek?asOf=2015&lang=en", "text/html").body();
        assertThat(page)
                .contains("not yet founded in 2015")
                .contains("founded in 2023")
                .contains("asof-year")
                .doesNotContain("/page/" + R1 + "\"");
    }

    @Test
    void theEntityPageIn2023ShowsDeepSeekButNotYetItsLaterModel() {
        HttpResponse<String> r = ok("/page/deepseek?asOf=2023&lang=en", "text/html");
        assertThat(r.headers().firstValue(AsOfHeader.NAME)).contains("2023");
        assertThat(r.body())
                .doesNotContain("not yet founded")
                .contains("Hangzhou")
                .doesNotContain("/page/" + R1);
        // the year control shows the year asked
        assertThat(r.body()).contains("<option value=\"2023\" selected");
    }

    @Test
    void theEntityPageInTheLatestYearShowsTheModelReleasedIn2025() {
        String y2026 = ok("/page/deepseek?asOf=2026&lang=en", "text/html").body();
        String now = ok("/page/deepseek?lang=en", "text/html").body();
        assertThat(y2026).contains("/page/" + R1).contains("Hangzhou").doesNotContain("not yet founded");
        assertThat(now).contains("/page/" + R1);
    }

    @Test
    void theRdfDocumentFollowsTheYear() {
        String y2015 = ok("/data/deepseek.ttl?asOf=2015", "text/turtle").body();
        String y2023 = ok("/data/deepseek.ttl?asOf=2023", "text/turtle").body();
        String y2026 = ok("/data/deepseek.ttl?asOf=2026", "text/turtle").body();
        assertThat(y2015).doesNotContain("locatedIn");
        assertThat(y2023).contains("locatedIn").doesNotContain(R1);
        assertThat(y2026).contains("locatedIn").contains(R1);
    }

    @Test
    void theExportOfHangzhouFollowsTheYearAndSaysWhichItShows() {
        String path = "/api/graph?focus=hangzhou&format=graphml&asOf=";
        HttpResponse<String> y2015 = ok(path + "2015", "application/graphml+xml");
        HttpResponse<String> y2023 = ok(path + "2023", "application/graphml+xml");
        HttpResponse<String> y2026 = ok(path + "2026", "application/graphml+xml");
        assertThat(y2015.headers().firstValue(AsOfHeader.NAME)).contains("2015");
        assertThat(y2015.body())
                .contains("<data key=\"g_asOf\">2015</data>")
                .doesNotContain(DEEPSEEK)
                .doesNotContain(ACTION_PLAN);
        assertThat(y2023.body())
                .contains("<data key=\"g_asOf\">2023</data>")
                .contains(DEEPSEEK)
                .doesNotContain(ACTION_PLAN);
        assertThat(y2026.body())
                .contains("<data key=\"g_asOf\">2026</data>")
                .contains(DEEPSEEK)
                .contains(ACTION_PLAN);
        HttpResponse<String> current = ok("/api/graph?focus=hangzhou&format=graphml", "application/graphml+xml");
        assertThat(current.headers().firstValue(AsOfHeader.NAME)).contains("current");
        assertThat(current.body()).doesNotContain("g_asOf").contains(DEEPSEEK).contains(ACTION_PLAN);
    }

    static List<Arguments> badYears() {
        int tooLate = Year.now(ZoneOffset.UTC).getValue() + 2;
        List<String> paths = List.of(
                "/page/deepseek?asOf=",
                "/data/deepseek.ttl?asOf=",
                "/api/queries/organisations-in-place?place=zhejiang&asOf=",
                "/api/graph?focus=zhejiang&asOf=");
        List<String> values = List.of("abc", "19", "1899", String.valueOf(tooLate), "2019.5");
        return paths.stream()
                .flatMap(p -> values.stream().map(v -> Arguments.of(p, v)))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("badYears")
    void aBadYearIsA400ProblemSayingWhatIsAccepted(String path, String value) {
        HttpResponse<String> r = get(facade(path + enc(value)), "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(r.body()).contains("asOf").contains("1900");
    }
}
