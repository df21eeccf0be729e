package org.cikg.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search box as a person meets it: headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * installed by {@code .ci/run}) types into the box on {@code /search}, sees suggestions in an ARIA listbox, moves
 * with the arrow keys and opens the chosen entity's page with Enter. Screenshots land in
 * {@code target/screenshots/}.
 */
class SearchAutocompleteBrowserIT extends ServiceITBase {
    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1100,700");
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebElement searchBox() {
        browser.get(facade("/search"));
        return browser.findElement(By.cssSelector("form[action='/search'] input[data-autocomplete]"));
    }

    private List<WebElement> waitForOptions() {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("[role=listbox] [role=option]"));
            return found.isEmpty() ? null : found;
        });
    }

    private static void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(dir.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void typingATypoSuggestsUnitreeAndEnterOpensItsPage() throws IOException {
        WebElement box = searchBox();
        assertThat(box.getAttribute("role")).isEqualTo("combobox");
        box.sendKeys("Unitre");
        List<WebElement> options = waitForOptions();
        assertThat(options.get(0).getText()).contains("Unitree Robotics").contains("Startup");
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
        screenshot("search-autocomplete.png");

        box.sendKeys(Keys.ARROW_DOWN);
        assertThat(box.getAttribute("aria-activedescendant"))
                .isEqualTo(options.get(0).getAttribute("id"));
        assertThat(options.get(0).getAttribute("aria-selected")).isEqualTo("true");
        box.sendKeys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().endsWith("/page/unitree-robotics"));
    }

    /**
     * The whole path a reader takes: the home page's search box, the suggestion picked with the mouse, the entity
     * page, and there the Eagle Project fact with the article and paragraph it comes from.
     */
    @Test
    void fromTheHomePageASuggestionLeadsToTheEntityPageWithTheSourcedEagleProjectFact() throws IOException {
        browser.get(facade("/"));
        WebElement box = browser.findElement(By.cssSelector("form[action='/search'] input[data-autocomplete]"));
        box.sendKeys("Unitree");
        List<WebElement> options = waitForOptions();
        assertThat(options.get(0).getText()).contains("Unitree Robotics");
        options.get(0).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().endsWith("/page/unitree-robotics"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Unitree Robotics");

        WebElement group = browser.findElement(By.xpath(
                "//section[@id='facts']//div[contains(@class,'group')][h3/a[normalize-space()='benefited from']]"));
        assertThat(group.findElement(By.linkText("Eagle Project")).getAttribute("href"))
                .endsWith("/page/eagle-project");
        List<WebElement> sources = group.findElements(By.cssSelector("a[href*='/source/000_0363365239e414fe']"));
        assertThat(sources)
                .as("the fact links the Arabic article it comes from")
                .isNotEmpty();
        assertThat(group.getText()).contains("\u00b619").contains("stated");
        screenshot("entity-page-unitree.png");
    }

    @Test
    void arabicNameSuggestsDeepSeekShowingTheMatchedName() {
        WebElement box = searchBox();
        box.sendKeys("ديب سيك");
        List<WebElement> options = waitForOptions();
        assertThat(options.get(0).getText()).contains("DeepSeek").contains("ديب سيك");
    }

    @Test
    void enterWithoutChoosingASuggestionSubmitsToTheResultsPage() throws IOException {
        WebElement box = searchBox();
        box.sendKeys("Hangzhou");
        waitForOptions();
        box.sendKeys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().contains("/search?q=Hangzhou"));
        assertThat(browser.findElements(By.cssSelector(".search-results li"))
                        .get(0)
                        .getText())
                .contains("Hangzhou")
                .containsIgnoringCase("city");
        screenshot("search-results.png");
    }
}
