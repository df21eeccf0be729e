package org.cikg.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cikg.support.BrowserITBase;
import org.cikg.support.PageBrowser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The explorer in a real browser (headless Chromium, one for the class): a click selects (the side panel shows the
 * entity and a link to its page, or a link's certainty and sources); a double-click expands, placing the new
 * neighbours around the entity while everything drawn before stays where it was; the legend's kinds filter; the year
 * range starts at the years present and, narrowed, draws undated links differently; the keyboard list; the focus
 * box's autocomplete; a 390 px phone.
 */
class ExplorerBrowserIT extends BrowserITBase {
    private static final String ID = "https://w3id.org/cikg/id/";

    private void openExplorer(String focus) {
        browser.open(facade("/explore?focus=" + focus));
        waitReady();
    }

    private void waitReady() {
        browser.until(d -> "ready".equals(browser.find("#graph").getDomAttribute("data-state")));
    }

    private int count(String attribute) {
        return Integer.parseInt(browser.find("#graph").getDomAttribute(attribute));
    }

    /** Where Cytoscape drew an element, as an offset from the graph box's centre (what Selenium's moves take). */
    private int[] onScreen(String script, String id) {
        Map<String, Object> pos = browser.object(
                "var e = window.cikgExplorer.cy.getElementById(arguments[0]);"
                        + "var p = " + script + "; var c = arguments[1].getBoundingClientRect();"
                        + "return {x: p.x - c.width / 2, y: p.y - c.height / 2};",
                id,
                browser.find("#graph"));
        return new int[] {
            (int) Math.round(((Number) pos.get("x")).doubleValue()),
            (int) Math.round(((Number) pos.get("y")).doubleValue())
        };
    }

    private Map<String, Object> modelPosition(String id) {
        return browser.object(
                "var p = window.cikgExplorer.cy.getElementById(arguments[0]).position();" + "return {x: p.x, y: p.y};",
                id);
    }

    @Test
    void doubleClickExpandsAroundTheEntityAndTheDrawingKeepsItsShape() {
        openExplorer("deepseek");
        int before = count("data-node-count");
        assertThat(before).isGreaterThan(3);
        @SuppressWarnings("unchecked")
        List<String> old =
                (List<String>) browser.js("return window.cikgExplorer.cy.nodes().map(function (n) { return n.id(); })");
        Map<String, Map<String, Object>> positions = new java.util.HashMap<>();
        old.forEach(id -> positions.put(id, modelPosition(id)));

        int[] at = onScreen("e.renderedPosition()", ID + "hangzhou");
        new Actions(browser.driver())
                .moveToElement(browser.find("#graph"), at[0], at[1])
                .doubleClick()
                .perform();
        browser.until(d -> count("data-node-count") > before);
        waitReady();
        assertThat((Boolean) browser.js(
                        "return window.cikgExplorer.cy.getElementById(arguments[0]).hasClass('expanded')",
                        ID + "hangzhou"))
                .isTrue();
        for (String id : old) {
            Map<String, Object> now = modelPosition(id);
            double dx = ((Number) now.get("x")).doubleValue()
                    - ((Number) positions.get(id).get("x")).doubleValue();
            double dy = ((Number) now.get("y")).doubleValue()
                    - ((Number) positions.get(id).get("y")).doubleValue();
            assertThat(Math.hypot(dx, dy)).as(id + " stays where it was").isLessThan(3.0);
        }
        List<WebElement> downloads = browser.all("#downloads a");
        assertThat(downloads).hasSize(5);
        assertThat(downloads.get(1).getDomProperty("href"))
                .contains("focus=hangzhou")
                .contains("format=graphml");
    }

    @Test
    void aClickSelectsAnEntityAndAClickOnALinkShowsItsCertaintyAndSource() {
        openExplorer("deepseek");
        int nodes = count("data-node-count");
        int[] at = onScreen("e.renderedPosition()", ID + "liang-wenfeng");
        new Actions(browser.driver())
                .moveToElement(browser.find("#graph"), at[0], at[1])
                .click()
                .perform();
        browser.until(d -> (ID + "liang-wenfeng").equals(browser.find("#graph").getDomAttribute("data-selected")));
        assertThat(browser.find("#details-body h3").getText()).isEqualTo("Liang Wenfeng");
        assertThat(browser.find("#details-body a[href='/page/liang-wenfeng']").getText())
                .isEqualTo("Open its page");
        assertThat(count("data-node-count")).as("a click does not expand").isEqualTo(nodes);

        String edge = (String) browser.js("return window.cikgExplorer.cy.edges().filter(function (e) {"
                + " return e.data('predicate').endsWith('#founder'); })[0].id()");
        int[] mid = onScreen("e.renderedMidpoint()", edge);
        new Actions(browser.driver())
                .moveToElement(browser.find("#graph"), mid[0], mid[1])
                .click()
                .perform();
        browser.until(d -> edge.equals(browser.find("#graph").getDomAttribute("data-selected")));
        assertThat(browser.find("#details-body").getDomAttribute("data-kind")).isEqualTo("edge");
        assertThat(browser.find("#details-body .certainty").getText()).isEqualTo("stated");
        List<WebElement> sources = browser.all("#details-body ul.sources a[href^='/source/']");
        assertThat(sources).isNotEmpty();
        assertThat(sources.get(0).getDomAttribute("href")).matches("/source/[0-9a-z_]+#p\\d+");
        assertThat(sources.get(0).getText()).isNotBlank().doesNotStartWith("https://");

        browser.find("#details-body a[href^='/source/']");
        browser.js("window.cikgExplorer.select(arguments[0])", ID + "hangzhou");
        browser.find("#expand-selected").click();
        browser.until(d -> count("data-node-count") > nodes);
        waitReady();
        assertThat(count("data-node-count")).isGreaterThan(nodes);
    }

    @Test
    void theLegendFiltersKindsAndFiguresFoldIntoTheirEntity() {
        openExplorer("hangzhou");
        int visible = count("data-visible-node-count");
        WebElement city = browser.find("#class-filters input[data-type='City']");
        city.click();
        browser.until(d -> count("data-visible-node-count") < visible);
        assertThat(count("data-node-count")).as("hidden, not removed").isGreaterThanOrEqualTo(visible);
        city.click();
        browser.until(d -> count("data-visible-node-count") == visible);
        assertThat(browser.all(".edge-legend li")).hasSize(4);
        assertThat(browser.find(".edge-legend").getText())
                .contains("hedged")
                .contains("undated")
                .contains("arrow");

        long figures = (Long) browser.js("return window.cikgExplorer.cy.nodes('[type = \"Indicator\"]').length");
        if (figures > 0) {
            assertThat((Long) browser.js("return window.cikgExplorer.cy.nodes('.folded').length"))
                    .isEqualTo(figures);
            browser.find("#show-figures").click();
            browser.until(d -> count("data-visible-node-count") > visible);
            browser.find("#show-figures").click();
        }
        assertThat(browser.all("#class-filters input[data-type='Indicator']"))
                .as("folded figures are not a kind shown")
                .isEmpty();
    }

    @Test
    void theYearRangeStartsAtTheYearsPresentAndNarrowedDrawsUndatedLinksDifferently() {
        openExplorer("hangzhou");
        WebElement from = browser.find("#year-from");
        WebElement to = browser.find("#year-to");
        long min = (Long) browser.js("var y = []; window.cikgExplorer.cy.edges().forEach(function (e) {"
                + " if (e.data('startYear') != null) y.push(e.data('startYear'));"
                + " if (e.data('endYear') != null) y.push(e.data('endYear')); }); return Math.min.apply(null, y);");
        assertThat(Long.parseLong(from.getDomProperty("min"))).isEqualTo(min);
        assertThat(from.getDomProperty("value")).isEqualTo(String.valueOf(min));
        assertThat(from.getDomAttribute("aria-label")).isEqualTo("From year");
        assertThat(to.getDomAttribute("aria-label")).isEqualTo("To year");
        assertThat(count("data-undated-count"))
                .as("the full range: nothing marked")
                .isZero();

        browser.js("arguments[0].value = arguments[0].max; arguments[0].dispatchEvent(new Event('input'))", from);
        browser.until(d -> count("data-undated-count") > 0);
        assertThat((Long) browser.js("return window.cikgExplorer.cy.edges('.undated').filter(function (e) {"
                        + " return e.style('line-style') === 'dotted'; }).length"))
                .isPositive();
        assertThat(count("data-filtered-edge-count"))
                .as("links dated before the range are hidden")
                .isPositive();
        browser.find("#show-undated").click();
        browser.until(d -> count("data-undated-count") == 0);
    }

    @Test
    void theListGivesEveryEntityByKeyboard() {
        openExplorer("deepseek");
        browser.find("#entity-list-box summary").click();
        List<WebElement> picks = browser.all("#entity-list button.pick");
        assertThat(picks).hasSize(count("data-visible-node-count"));
        WebElement liang = picks.stream()
                .filter(b -> b.getText().equals("Liang Wenfeng"))
                .findFirst()
                .orElseThrow();
        browser.js("arguments[0].focus()", liang);
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        browser.until(d -> (ID + "liang-wenfeng").equals(browser.find("#graph").getDomAttribute("data-selected")));
        assertThat(browser.find("#details-body h3").getText()).isEqualTo("Liang Wenfeng");
        assertThat(browser.all("#entity-list button.expand[aria-label='Expand Liang Wenfeng']"))
                .hasSize(1);
    }

    @Test
    void theFocusBoxTakesANameWithAutocomplete() {
        browser.open(facade("/explore"));
        WebElement box = browser.find("#focus-name");
        box.sendKeys("Hangzh");
        WebElement option =
                browser.until(d -> browser.all("#focus-name ~ [role=listbox] [role=option] .ac-label").stream()
                        .filter(o -> o.getText().equals("Hangzhou"))
                        .findFirst()
                        .orElse(null));
        option.click();
        browser.find(".focus-form button[type=submit]").click();
        browser.until(d -> d.getCurrentUrl().contains("focus=hangzhou"));
        waitReady();
        assertThat((Boolean) browser.js(
                        "return window.cikgExplorer.cy.getElementById(arguments[0]).hasClass('focus')",
                        ID + "hangzhou"))
                .isTrue();
        browser.open(facade("/explore?focus=Unitree"));
        waitReady();
        assertThat(browser.find("#graph").getDomAttribute("data-focus")).isEqualTo("unitree-robotics");
    }

    @Test
    void onAPhoneTheControlsFoldAndTheDrawingFits() {
        browser.width(PageBrowser.PHONE);
        openExplorer("deepseek");
        assertThat(browser.find("details.controls").getDomProperty("open")).isEqualTo("false");
        assertThat(browser.overflow()).isLessThanOrEqualTo(0);
        WebElement graph = browser.find("#graph");
        assertThat(graph.getSize().width).isBetween(300, PageBrowser.PHONE);
        assertThat(graph.getSize().height).isGreaterThan(300);
        assertThat((Boolean) browser.js(
                        "var bb = window.cikgExplorer.cy.elements().renderedBoundingBox();"
                                + " var r = arguments[0].getBoundingClientRect(); return bb.x1 >= -5 && bb.x2 <= r.width + 5;",
                        graph))
                .as("the drawing is fitted into the phone's width")
                .isTrue();
    }
}
