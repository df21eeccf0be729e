package org.cikg.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cikg.support.BrowserITBase;
import org.cikg.support.PageBrowser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages as an analyst meets them, in headless Chromium at 1400 and 390 CSS pixels: every page type checked by
 * axe-core (no serious or critical violation), no page wider than the phone's screen, one {@code h1} and one
 * {@code main} each; the repairs (autocomplete styled on every page, the workbench instead of the bare endpoint, UTF-8
 * Turtle behind "Open as SPARQL", search examples that find something, the favicon, 404 with suggestions for a
 * question about an unknown entity); the question pages; the entity pages' panels; the skip link and the notes.
 * One browser for the class. Screenshots of the home, an entity, a question and the explorer at both widths go to
 * {@code target/screenshots/} (and to {@code docs/screenshots/} with {@code -Dscreenshots.dir=docs/screenshots}).
 */
class SurfaceBrowserIT extends BrowserITBase {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Every kind of page, and what to wait for before looking at it. */
    private static final List<String> PAGES = List.of(
            "/",
            "/page/hangzhou",
            "/page/eagle-project",
            "/search?q=Hangzhou",
            "/search",
            "/class/City",
            "/source/000_0363365239e414fe",
            "/ontology",
            "/page/no-such-entity-here",
            "/questions",
            "/questions/policies-of-place?place=zhejiang",
            "/questions/policy-beneficiaries",
            "/sparql-ui",
            "/explore?focus=deepseek");

    private void openAndSettle(String path) {
        browser.open(facade(path));
        if (path.startsWith("/explore")) {
            browser.until(d -> "ready".equals(browser.find("#graph").getDomAttribute("data-state")));
        }
        if (path.startsWith("/sparql-ui")) {
            browser.until(d -> !browser.all(".cm-editor").isEmpty());
        }
    }

    @Test
    void everyPageTypeIsAxeCleanFitsAPhoneAndHasOneH1AndAMainLandmark() {
        List<String> problems = new ArrayList<>();
        for (int width : new int[] {PageBrowser.WIDE, PageBrowser.PHONE}) {
            browser.width(width);
            for (String path : PAGES) {
                openAndSettle(path);
                String where = path + " at " + width + " px: ";
                browser.axeViolations().forEach(v -> problems.add(where + v));
                if (browser.overflow() > 0) {
                    problems.add(where + "the page is " + browser.overflow() + " px wider than the viewport");
                }
                if (browser.all("h1").size() != 1) {
                    problems.add(where + browser.all("h1").size() + " h1 elements");
                }
                if (browser.all("main").size() != 1) {
                    problems.add(where + browser.all("main").size() + " main landmarks");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void screenshotsOfHomeEntityQuestionAndExplorerAtBothWidths() {
        Map<String, String> pages = Map.of(
                "home",
                "/",
                "entity-hangzhou",
                "/page/hangzhou",
                "question-policies-of-place",
                "/questions/policies-of-place?place=zhejiang",
                "explorer-deepseek",
                "/explore?focus=deepseek&depth=2");
        for (int width : new int[] {PageBrowser.WIDE, PageBrowser.PHONE}) {
            browser.width(width);
            for (Map.Entry<String, String> p : pages.entrySet()) {
                openAndSettle(p.getValue());
                boolean explorer = p.getKey().startsWith("explorer");
                assertThat(browser.screenshot(p.getKey() + "-" + width, !explorer))
                        .isRegularFile();
            }
        }
    }

    // ----- repairs -----

    @Test
    void autocompleteIsStyledOnTheHomeAndEntityPagesAndArrowDownHighlights() {
        for (String path : List.of("/", "/page/deepseek")) {
            for (int width : new int[] {PageBrowser.WIDE, PageBrowser.PHONE}) {
                browser.width(width);
                browser.open(facade(path));
                long header =
                        ((Number) browser.js("return document.querySelector('header.site').offsetHeight")).longValue();
                WebElement box = browser.find("#site-q");
                box.sendKeys("Unitre");
                WebElement first = browser.until(d -> browser.all("#site-q ~ [role=listbox] [role=option]").stream()
                        .findFirst()
                        .orElse(null));
                WebElement list = browser.find("#site-q ~ [role=listbox]");
                assertThat(list.getCssValue("position")).as(path).isEqualTo("absolute");
                assertThat(((Number) browser.js("return document.querySelector('header.site').offsetHeight"))
                                .longValue())
                        .as(path + ": the list floats over the page, the header keeps its height")
                        .isEqualTo(header);
                assertThat(first.findElement(org.openqa.selenium.By.cssSelector(".ac-type"))
                                .getCssValue("display"))
                        .isNotEqualTo("inline");
                String before = first.getCssValue("background-color");
                box.sendKeys(Keys.ARROW_DOWN);
                assertThat(first.getDomAttribute("aria-selected")).isEqualTo("true");
                assertThat(first.getCssValue("background-color"))
                        .as(path + ": the highlighted option looks different")
                        .isNotEqualTo(before);
                assertThat(browser.overflow()).as(path + " at " + width).isLessThanOrEqualTo(0);
            }
        }
    }

    @Test
    void homeLinksTheWorkbenchGivesTheEndpointAsTextAndSaysItsSizeInWords() {
        browser.open(facade("/"));
        assertThat(browser.all("a[href*='/kg/sparql'], a[href*='/kg/query']"))
                .as("no link a browser would get a 404 from")
                .isEmpty();
        assertThat(browser.find("header.site nav.links a[href='/sparql-ui']").getText())
                .isEqualTo("Workbench");
        assertThat(browser.find("header.site nav.links a[href='/questions']").getText())
                .isEqualTo("Questions");
        assertThat(browser.find("#endpoints").getText()).contains(sparqlEndpoint());
        assertThat(browser.find(".stats").getText())
                .matches(
                        "[\\d,]+ facts \\([\\d,]+ of them inferred\\) from \\d+ articles?, updated \\d{1,2} [A-Z][a-z]{2} \\d{4}");
        assertThat(browser.find("#questions").getText())
                .contains("About a place")
                .contains("About a policy")
                .doesNotContain("/api/queries/");
        assertThat(browser.all("#questions a[href^='/questions/']")).hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void openAsSparqlShowsTheEntityGraphAsUtf8InTheBrowser() {
        browser.open(facade("/page/hangzhou"));
        String href = browser.find("a.button[href*='/kg/sparql?query=']").getDomProperty("href");
        HttpResponse<byte[]> r = sendBytes(href, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow().toLowerCase())
                .contains("charset=utf-8");
        browser.open(href);
        assertThat(browser.js("return document.characterSet")).isEqualTo("UTF-8");
        assertThat((String) browser.js("return document.body.innerText"))
                .contains("杭州")
                .contains("Ханчжоу");
        browser.open(facade("/page/hangzhou"));
        assertThat(browser.find("a.button[href^='/sparql-ui#query=']").getText())
                .isEqualTo("Open in the workbench");
    }

    @Test
    void theSearchBoxExamplesEachFindAnEntity() {
        for (String path : List.of("/", "/page/deepseek", "/search")) {
            browser.open(facade(path));
            for (WebElement box : browser.all("input[type=search][placeholder]")) {
                String examples = box.getDomAttribute("placeholder")
                        .replaceFirst("^[^:]*:", "")
                        .replace("…", "");
                for (String example : examples.split(",")) {
                    if (example.isBlank()) {
                        continue;
                    }
                    JsonNode found =
                            JSON.readTree(get(facade("/api/search?q=" + enc(example.strip())), "application/json")
                                    .body());
                    assertThat(found.get("results").size())
                            .as(path + ": example '" + example.strip() + "' finds something")
                            .isPositive();
                }
            }
        }
    }

    @Test
    void theFaviconIsServedAndLinked() {
        HttpResponse<byte[]> ico = sendBytes(facade("/favicon.ico"), "*/*");
        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(ico.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/");
        assertThat(ico.body()).startsWith(0, 0, 1, 0);
        browser.open(facade("/page/deepseek"));
        assertThat(browser.find("link[rel=icon][href='/favicon.ico']")).isNotNull();
        assertThat(sendBytes(facade("/favicon.svg"), "*/*").statusCode()).isEqualTo(200);
    }

    @Test
    void aQuestionAboutAnUnknownEntityIs404WithSuggestions() {
        HttpResponse<String> r =
                get(facade("/api/queries/policy-beneficiaries?policy=eagle-projekt"), "application/json");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("detail").asString()).contains("eagle-projekt").contains("policy");
        List<String> pages = new ArrayList<>();
        problem.get("suggestions").forEach(s -> pages.add(s.get("page").asString()));
        assertThat(pages).contains("/page/eagle-project");
        JsonNode id = JSON.readTree(
                get(facade("/id/eagle-projekt"), "application/json").body());
        assertThat(id.get("suggestions").toString()).contains("eagle-project");

        browser.open(facade("/questions/policy-beneficiaries?policy=eagle-projekt"));
        assertThat(browser.find(".problem").getText()).contains("Did you mean");
        assertThat(browser.find(".problem a[href='/page/eagle-project']")).isNotNull();
    }

    // ----- question pages -----

    @Test
    void aQuestionPageTakesANameWithAutocompleteAndAnswersWithLinksSourcesAndDownloads() {
        browser.open(facade("/questions/policy-beneficiaries"));
        assertThat(browser.find("h1").getText()).isEqualTo("Policy beneficiaries");
        WebElement field = browser.find("#f-policy");
        field.sendKeys("Eagle");
        WebElement option =
                browser.until(d -> browser.all("#f-policy ~ [role=listbox] [role=option] .ac-label").stream()
                        .filter(o -> o.getText().equals("Eagle Project"))
                        .findFirst()
                        .orElse(null));
        option.click();
        assertThat(field.getDomProperty("value")).isEqualTo("Eagle Project");
        browser.find("form.question-form button[type=submit]").click();
        browser.until(d -> d.getCurrentUrl().contains("policy=eagle-project"));
        assertThat(browser.find("#f-policy").getDomProperty("value"))
                .as("the field shows the name")
                .isEqualTo("Eagle Project");
        assertThat(browser.all("table.answer-table a[href='/page/unitree-robotics']"))
                .isNotEmpty();
        assertThat(browser.all("table.answer-table a[href^='/source/000_0363365239e414fe#p19']"))
                .isNotEmpty();
        String csv = browser.find(".downloads-list a[type='text/csv']").getDomProperty("href");
        HttpResponse<String> download = get(csv, "*/*");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(download.body()).contains("unitree-robotics");
        String gexf =
                browser.find(".downloads-list a[type='application/gexf+xml']").getDomProperty("href");
        assertThat(get(gexf, "*/*").body()).contains("http://www.gexf.net/1.2draft");
        assertThat(browser.find("a.button[href^='/sparql-ui#query=']").getDomProperty("href"))
                .contains("eagle-project");
        assertThat(browser.find("details pre.query").getDomProperty("textContent"))
                .contains("SELECT");
        assertThat(browser.find("a[href='/api/queries/policy-beneficiaries.rq']"))
                .isNotNull();
    }

    @Test
    void aNameTypedWithoutPickingIsTakenAsTheBestMatchAndYearAnswersGetAChart() {
        browser.open(facade("/questions/policies-of-place?place=Zhejiang"));
        assertThat(browser.find(".resolved").getText()).contains("Zhejiang");
        WebElement chart = browser.find("figure.chart svg.bars");
        assertThat(chart.getDomAttribute("role")).isEqualTo("img");
        assertThat(browser.find("figure.chart figcaption").getText()).isEqualTo("Rows by year");
        assertThat(browser.all("figure.chart svg.bars rect")).hasSizeGreaterThanOrEqualTo(2);
        browser.open(facade("/questions/indicators-compare?measure=computing"));
        assertThat(browser.find("figure.chart figcaption").getText()).startsWith("Figures");
        browser.open(facade("/questions"));
        assertThat(browser.all("main a[href^='/questions/']")).hasSizeGreaterThanOrEqualTo(12);
    }

    // ----- entity pages -----

    @Test
    void entityPagesShowQuestionPanelsAfterTheFactsOnlyWhenTheyHaveAnAnswer() {
        browser.open(facade("/page/hangzhou"));
        assertThat(browser.all("#panel-policies-of-place table.answer-table a[href^='/page/']"))
                .isNotEmpty();
        assertThat(browser.all("#panel-organisations-in-place")).isNotEmpty();
        assertThat(browser.all("#panel-people-posts"))
                .as("nobody's post is recorded in Hangzhou: no panel")
                .isEmpty();
        assertThat((Boolean) browser.js("return !!(document.getElementById('facts').compareDocumentPosition("
                        + "document.getElementById('aspects')) & Node.DOCUMENT_POSITION_FOLLOWING)"))
                .isTrue();
        assertThat(browser.find("#panel-policies-of-place .more a").getDomAttribute("href"))
                .isEqualTo("/questions/policies-of-place?place=hangzhou");

        browser.open(facade("/page/eagle-project"));
        assertThat(browser.all("#panel-policy-beneficiaries a[href='/page/unitree-robotics']"))
                .isNotEmpty();
        assertThat(browser.all("#panel-organisations-in-place"))
                .as("a policy is not a place")
                .isEmpty();

        browser.open(facade("/page/xi-jinping"));
        assertThat(browser.all("#panel-people-posts")).isNotEmpty();
    }

    @Test
    void theNeighbourhoodGraphsLinksAreNamedAndNotHiddenInsideAnImage() {
        browser.open(facade("/page/deepseek"));
        WebElement svg = browser.find("svg.neighbourhood");
        assertThat(svg.getDomAttribute("role")).isNotEqualTo("img");
        List<WebElement> links = browser.all("svg.neighbourhood a");
        assertThat(links).isNotEmpty();
        links.forEach(a ->
                assertThat(a.getAccessibleName()).as(a.getDomAttribute("href")).isNotBlank());
    }

    @Test
    void theSkipLinkComesFirstAndNotesAreInTheText() {
        browser.open(facade("/page/hangzhou"));
        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        WebElement skip = browser.driver().switchTo().activeElement();
        assertThat(skip.getText()).isEqualTo("Skip to content");
        assertThat(skip.getDomAttribute("href")).isEqualTo("#main");
        assertThat(browser.find("main").getDomAttribute("id")).isEqualTo("main");

        // Curators' notes are in the text itself (nothing to open, so nothing the keyboard cannot reach).
        WebElement note = browser.find("#facts .note");
        assertThat(note.isDisplayed()).isTrue();
        assertThat(note.getText()).isNotBlank();
        assertThat(browser.all("[title]").stream()
                        .filter(e -> e.getAttribute("class") != null
                                && e.getAttribute("class").contains("note")))
                .isEmpty();
    }

    @Test
    void linksInTextAreUnderlinedAndFocusIsVisible() {
        browser.open(facade("/page/hangzhou"));
        WebElement link = browser.find("#facts li.fact a");
        assertThat(link.getCssValue("text-decoration-line")).isEqualTo("underline");
        browser.js("arguments[0].focus()", link);
        assertThat(link.getCssValue("outline-style")).isEqualTo("solid");
        assertThat(Double.parseDouble(link.getCssValue("outline-width").replace("px", "")))
                .isGreaterThanOrEqualTo(2);
    }

    private static HttpResponse<byte[]> sendBytes(String url, String accept) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Accept", accept)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
