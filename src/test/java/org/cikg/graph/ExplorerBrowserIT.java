package org.cikg.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cikg.support.HeadlessChromium;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The explorer in a real browser: headless Chromium (Debian's {@code chromium} and {@code chromedriver}) opens
 * {@code /explore?focus=deepseek}, waits for the graph, clicks a node on the canvas to expand it and checks the node
 * count grew; a screenshot is saved under {@code target/screenshots/}.
 */
class ExplorerBrowserIT extends ServiceITBase {
    private static final String ID = "https://w3id.org/cikg/id/";

    @TempDir
    Path profile;

    private ChromeDriver driver;

    @BeforeEach
    void startBrowser() {
        driver = HeadlessChromium.start(profile, 1400, 900);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private WebElement graph() {
        return driver.findElement(By.id("graph"));
    }

    private int count(String attribute) {
        return Integer.parseInt(graph().getDomAttribute(attribute));
    }

    private void waitFor(String what, java.util.function.Supplier<Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(what).until(d -> condition.get());
    }

    @Test
    void explorerDrawsDeepSeekAndClickingANodeExpandsIt() throws Exception {
        driver.get(facade("/explore?focus=deepseek"));
        waitFor("graph ready", () -> "ready".equals(graph().getDomAttribute("data-state")));
        int before = count("data-node-count");
        assertThat(before).isGreaterThan(3);
        JavascriptExecutor js = driver;
        assertThat(js.executeScript("return window.cikgExplorer.nodeCount()")).isEqualTo((long) before);

        // Click Hangzhou where Cytoscape drew it: its rendered position is relative to the container's top-left,
        // Selenium's offsets to the element's centre.
        @SuppressWarnings("unchecked")
        Map<String, Object> pos = (Map<String, Object>) js.executeScript(
                "var n = window.cikgExplorer.cy.getElementById(arguments[0]); var p = n.renderedPosition();"
                        + "var c = arguments[1].getBoundingClientRect();"
                        + "return {x: p.x - c.width / 2, y: p.y - c.height / 2};", ID + "hangzhou", graph());
        new Actions(driver).moveToElement(graph(), (int) Math.round(((Number) pos.get("x")).doubleValue()),
                (int) Math.round(((Number) pos.get("y")).doubleValue())).click().perform();
        waitFor("node count grows after expanding Hangzhou", () -> count("data-node-count") > before);
        waitFor("graph ready again", () -> "ready".equals(graph().getDomAttribute("data-state")));
        assertThat(count("data-node-count")).isGreaterThan(before);
        assertThat((Boolean) js.executeScript("return window.cikgExplorer.cy.getElementById(arguments[0])"
                + ".hasClass('expanded')", ID + "hangzhou")).isTrue();

        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve("explorer-deepseek.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(dir.resolve("explorer-deepseek.png"))).isPositive();

        List<WebElement> downloads = driver.findElements(By.cssSelector("#downloads a"));
        assertThat(downloads).hasSize(5);
        assertThat(downloads.get(1).getDomProperty("href")).contains("focus=hangzhou").contains("format=graphml");
    }

    @Test
    void classFilterHidesNodesAndDoubleClickOpensTheEntityPage() {
        driver.get(facade("/explore?focus=deepseek"));
        waitFor("graph ready", () -> "ready".equals(graph().getDomAttribute("data-state")));
        int visible = count("data-visible-node-count");
        WebElement city = driver.findElement(By.cssSelector("#class-filters input[data-type='City']"));
        city.click();
        waitFor("City nodes hidden", () -> count("data-visible-node-count") < visible);
        assertThat(count("data-visible-node-count")).isLessThan(visible);
        assertThat(count("data-node-count")).as("hidden, not removed").isEqualTo(visible);
        city.click();
        waitFor("City nodes back", () -> count("data-visible-node-count") == visible);
        assertThat(count("data-visible-node-count")).isEqualTo(visible);

        JavascriptExecutor js = driver;
        js.executeScript("window.cikgExplorer.cy.getElementById(arguments[0]).emit('dbltap')", ID + "liang-wenfeng");
        waitFor("entity page opened", () -> driver.getCurrentUrl().endsWith("/page/liang-wenfeng"));
        assertThat(driver.getCurrentUrl()).isEqualTo(facade("/page/liang-wenfeng"));
    }
}
