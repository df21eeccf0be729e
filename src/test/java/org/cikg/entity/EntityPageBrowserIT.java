package org.cikg.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cikg.support.HeadlessChromium;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Entity pages in a real browser (headless Chromium, Debian's {@code chromium} and {@code chromedriver}): what a
 * reader sees of bounds on figures, disagreements between sources with their ranks, counts the sources report
 * beside what the graph names, curators' notes and each source's metadata, on a desktop window and on a phone-sized
 * one. Screenshots go to {@code target/screenshots/}.
 */
class EntityPageBrowserIT extends ServiceITBase {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path profile;

    private ChromeDriver driver;

    @BeforeEach
    void startBrowser() {
        driver = HeadlessChromium.start(profile, 1400, 1000);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private void open(String path) {
        driver.get(facade(path));
    }

    private WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    private List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void deepSeekShowsBothFoundingYearsWithRanksSourcesAndVisibleNotes() throws Exception {
        open("/page/deepseek");
        WebElement block = find("#disagreements");
        assertThat(block.isDisplayed()).isTrue();
        assertThat(find("#disagreements h2").getText()).isEqualTo("Sources disagree");
        List<WebElement> claims = all("#disagreements li.claim");
        assertThat(claims).hasSize(2);
        // Preferred first: the company register's 2023, then the article's 2019, deprecated, each with its reason.
        assertThat(claims.get(0).getText()).contains("2023").contains("PREFERRED").contains("company register")
                .contains("Editorial knowledge");
        assertThat(claims.get(1).getText()).contains("2019").contains("DEPRECATED").contains("contradicts")
                .contains("¶6").contains("Arabic");
        // The fact list points to the disagreement.
        assertThat(all("a.badge.disputed")).hasSizeGreaterThanOrEqualTo(2);
        // Curators' notes are on the page, not in a tooltip.
        WebElement note = claims.get(1).findElement(By.cssSelector(".note"));
        assertThat(note.isDisplayed()).isTrue();
        assertThat(note.getText()).contains("2019").contains("2023");
        screenshot("entity-deepseek");
    }

    @Test
    void gameScienceShowsItsTwoHeadquartersWithTheReasonForEachRank() throws Exception {
        open("/page/game-science");
        List<WebElement> claims = all("#disagreements li.claim");
        assertThat(claims).hasSize(2);
        assertThat(claims.get(0).getText()).contains("Shenzhen").contains("PREFERRED").contains("legal entity");
        assertThat(claims.get(1).getText()).contains("Xihu District").contains("NORMAL").contains("Hangzhou studio")
                .contains("¶17");
        assertThat(find("#disagreements h3").getText()).isEqualTo("headquartered in");
        screenshot("entity-game-science");
    }

    @Test
    void eagleProjectShowsTheReportedCountBesideTheOneBeneficiaryTheGraphNames() throws Exception {
        open("/page/eagle-project");
        WebElement silence = find("#silences li");
        assertThat(silence.getText()).contains("≈ 1,000 reported; 1 named in the graph").contains("Unitree Robotics")
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
    void aHebrewArticleProvinceShowsItsChosenFieldsAndABoundOnItsFigure() throws Exception {
        open("/page/qinghai");
        String facts = find("#facts").getText();
        assertThat(facts).contains("specialises in").contains("Green hydrogen").contains("Zero-carbon computing");
        // Each source has its language and outlet beside the paragraph link.
        assertThat(facts).contains("(Hebrew · CGTN, GlobeNewswire · 2026-03-02)").contains("¶23");
        WebElement row = find("#indicators tbody tr");
        assertThat(row.getText()).contains("≥").contains("93").contains("percent");
        screenshot("entity-qinghai");
    }

    @Test
    void onAPhoneTheNotesAndFiguresFitTheScreen() throws Exception {
        driver.manage().window().setSize(new Dimension(390, 844));
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
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Object wide = driver.executeScript("const w = document.documentElement.clientWidth;"
                + "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 0.5)"
                + ".slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"
                + ".join(', ')");
        assertThat(((Number) overflow).intValue()).as("%s wider than the screen: %s", page, wide)
                .isLessThanOrEqualTo(0);
    }
}
