package org.cikg.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cikg.support.BrowserITBase;
import org.cikg.support.PageBrowser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Entity pages in a real browser (headless Chromium, one for the class): what a reader sees of bounds on figures,
 * disagreements between sources with their ranks, counts the sources report beside what the graph names, curators'
 * notes and each source's metadata, on a desktop window and on a phone-sized one. Screenshots go to
 * {@code target/screenshots/}.
 */
class EntityPageBrowserIT extends BrowserITBase {

    private void open(String path) {
        browser.open(facade(path));
    }

    private WebElement find(String css) {
        return browser.find(css);
    }

    private List<WebElement> all(String css) {
        return browser.all(css);
    }

    private void screenshot(String name) {
        browser.screenshot(name, true);
    }

    @Test
    void deepSeekShowsBothFoundingYearsWithRanksSourcesAndVisibleNotes() {
        open("/page/deepseek");
        WebElement block = find("#disagreements");
        assertThat(block.isDisplayed()).isTrue();
        assertThat(find("#disagreements h2").getText()).isEqualTo("Sources disagree");
        List<WebElement> claims = all("#disagreements li.claim");
        assertThat(claims).hasSize(2);
        // Preferred first: the company register's 2023, then the article's 2019, deprecated, each with its reason.
        assertThat(claims.get(0).getText())
                .contains("2023")
                .contains("PREFERRED")
                .contains("company register")
                .contains("Editorial knowledge");
        assertThat(claims.get(1).getText())
                .contains("2019")
                .contains("DEPRECATED")
                .contains("contradicts")
                .contains("¶6")
                .contains("Arabic");
        // The fact list points to the disagreement.
        assertThat(all("a.badge.disputed")).hasSizeGreaterThanOrEqualTo(2);
        // Curators' notes are on the page, not in a tooltip.
        WebElement note = claims.get(1).findElement(By.cssSelector(".note"));
        assertThat(note.isDisplayed()).isTrue();
        assertThat(note.getText()).contains("2019").contains("2023");
        screenshot("entity-deepseek");
    }

    @Test
    void gameScienceShowsItsTwoHeadquartersWithTheReasonForEachRank() {
        open("/page/game-science");
        List<WebElement> claims = all("#disagreements li.claim");
        assertThat(claims).hasSize(2);
        assertThat(claims.get(0).getText())
                .contains("Shenzhen")
                .contains("PREFERRED")
                .contains("legal entity");
        assertThat(claims.get(1).getText())
                .contains("Xihu District")
                .contains("NORMAL")
                .contains("Hangzhou studio")
                .contains("¶17");
        assertThat(find("#disagreements h3").getText()).isEqualTo("headquartered in");
        screenshot("entity-game-science");
    }

    @Test
    void eagleProjectShowsTheReportedCountBesideTheOneBeneficiaryTheGraphNames() {
        open("/page/eagle-project");
        WebElement silence = find("#silences li");
        assertThat(silence.getText())
                .contains("≈ 1,000 reported; 1 named in the graph")
                .contains("Unitree Robotics")
                .contains("¶19");
        assertThat(silence.findElement(By.linkText("Unitree Robotics")).getDomAttribute("href"))
                .isEqualTo("/page/unitree-robotics");
        // The same figure in the figures table carries its sign, explained on hover.
        WebElement bound = find("#indicators abbr.bound");
        assertThat(bound.getText()).isEqualTo("≈");
        assertThat(bound.getDomAttribute("title")).isEqualTo("Approximately");
        screenshot("entity-eagle-project");
    }

    @Test
    void aHebrewArticleProvinceShowsItsChosenFieldsAndABoundOnItsFigure() {
        open("/page/qinghai");
        String facts = find("#facts").getText();
        assertThat(facts).contains("specialises in").contains("Green hydrogen").contains("Zero-carbon computing");
        // Each source has its language and outlet beside the paragraph link.
        assertThat(facts)
                .contains("(Hebrew · CGTN, GlobeNewswire · 2026-03-02)")
                .contains("¶23");
        WebElement row = find("#indicators tbody tr");
        assertThat(row.getText()).contains("≥").contains("93").contains("percent");
        screenshot("entity-qinghai");
    }

    @Test
    void onAPhoneTheNotesAndFiguresFitTheScreen() {
        browser.width(PageBrowser.PHONE);
        open("/page/beijing");
        // More than 2.4 trillion yuan reads as a bound, and the figures table fits without sideways scrolling.
        String figures = find("#indicators").getText();
        assertThat(figures).contains("≥ 2.4").contains("≥ 60,000");
        assertFitsThePhone("beijing");
        WebElement note = find("#indicators .note");
        assertThat(note.isDisplayed()).isTrue();
        assertThat(note.getRect().getWidth()).isLessThanOrEqualTo(390);
        screenshot("entity-beijing-phone");

        // The disagreement, silence and specialisation blocks too: notes in the page's flow, inside the screen.
        for (String page : List.of("deepseek", "game-science", "eagle-project", "qinghai")) {
            open("/page/" + page);
            assertFitsThePhone(page);
            List<WebElement> notes = all("#disagreements .note, #silences .note, #facts .note");
            assertThat(notes).as("notes on %s", page).isNotEmpty().allSatisfy(n -> {
                assertThat(n.isDisplayed()).isTrue();
                assertThat(n.getRect().getX() + n.getRect().getWidth()).isLessThanOrEqualTo(390);
            });
            screenshot("entity-" + page + "-phone");
        }
    }

    private void assertFitsThePhone(String page) {
        long overflow = browser.overflow();
        Object wide = browser.js("const w = document.documentElement.clientWidth;"
                + "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 0.5)"
                + ".slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"
                + ".join(', ')");
        assertThat(overflow).as("%s wider than the screen: %s", page, wide).isLessThanOrEqualTo(0);
    }
}
