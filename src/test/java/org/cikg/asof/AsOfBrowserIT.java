package org.cikg.asof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.cikg.support.BrowserITBase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The year control and the explanation panel of entity pages in headless Chromium, at desktop (1400 px) and phone
 * (390 px) width: choosing a year switches the page and keeps the language, a year before the founding says so, an
 * INFERRED badge opens the derivation tree; screenshots go to {@code target/screenshots/}.
 */
class AsOfBrowserIT extends BrowserITBase {
    private ChromeDriver driver;

    /** Desktop and phone width, in CSS pixels. */
    static java.util.stream.IntStream widths() {
        return java.util.stream.IntStream.of(1400, 390);
    }

    private void startBrowser(int width) {
        browser.width(width);
        driver = browser.driver();
    }

    private void waitFor(String what, java.util.function.Supplier<Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(what).until(d -> condition.get());
    }

    private void shot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Object height = ((JavascriptExecutor) driver).executeScript("return document.body.scrollHeight");
        driver.manage()
                .window()
                .setSize(new Dimension(
                        driver.manage().window().getSize().width, Math.min(3000, ((Number) height).intValue() + 100)));
        File f = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(dir.resolve(name + ".png"))).isPositive();
    }

    /** The element ends within the window's width: reading it needs no sideways scroll. */
    private void fitsTheWidth(WebElement e) {
        Number right = (Number)
                ((JavascriptExecutor) driver).executeScript("return arguments[0].getBoundingClientRect().right", e);
        Number client =
                (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.clientWidth");
        assertThat(right.doubleValue()).isLessThanOrEqualTo(client.doubleValue() + 1);
    }

    /** The page width fits the window: nothing forces a sideways scroll. */
    private void fitsTheWidth() {
        Number scroll =
                (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
        Number client =
                (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.clientWidth");
        assertThat(scroll.intValue()).isLessThanOrEqualTo(client.intValue() + 1);
    }

    @ParameterizedTest
    @MethodSource("widths")
    void theYearControlSwitchesThePageAndKeepsTheLanguage(int width) throws Exception {
        startBrowser(width);
        driver.get(facade("/page/deepseek?lang=zh"));
        WebElement control = driver.findElement(By.id("asof-year"));
        assertThat(control.isDisplayed()).isTrue();
        new Select(control).selectByValue("2023");
        waitFor("page as of 2023", () -> driver.getCurrentUrl().contains("asOf=2023"));
        assertThat(driver.getCurrentUrl()).contains("lang=zh");
        assertThat(new Select(driver.findElement(By.id("asof-year")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("2023");
        assertThat(driver.findElements(By.cssSelector(".asof-notice.not-yet"))).isEmpty();
        fitsTheWidth();
        shot("asof-deepseek-2023-" + width);

        driver.get(facade("/page/deepseek?lang=en&asOf=2015"));
        WebElement notice = driver.findElement(By.cssSelector(".asof-notice.not-yet"));
        assertThat(notice.isDisplayed()).isTrue();
        assertThat(notice.getText()).contains("not yet founded in 2015");
        fitsTheWidth();
        shot("asof-deepseek-2015-" + width);

        new Select(driver.findElement(By.id("asof-year"))).selectByValue("");
        waitFor("page as it is", () -> !driver.getCurrentUrl().contains("asOf=2"));
        assertThat(driver.getCurrentUrl()).contains("lang=en");
        assertThat(driver.findElements(By.cssSelector(".asof-notice.not-yet"))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("widths")
    void anInferredBadgeOpensTheDerivationTree(int width) throws Exception {
        startBrowser(width);
        driver.get(facade("/page/binjiang-district?lang=en"));
        WebElement details = driver.findElement(By.cssSelector("details.explain"));
        WebElement tree = details.findElement(By.cssSelector(".explanation"));
        assertThat(tree.isDisplayed()).isFalse();
        details.findElement(By.tagName("summary")).click();
        waitFor("explanation open", tree::isDisplayed);
        assertThat(details.getDomAttribute("open")).isNotNull();
        assertThat(tree.getText()).contains("because").contains("rule");
        assertThat(tree.findElements(By.cssSelector(".derivation li"))).hasSizeGreaterThan(1);
        shot("explain-binjiang-" + width);
        fitsTheWidth(details);
        fitsTheWidth(tree);
    }
}
