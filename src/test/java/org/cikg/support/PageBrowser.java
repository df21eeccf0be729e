package org.cikg.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code chromium} and {@code chromedriver}) for a whole test class: pages opened at
 * a chosen width, axe-core (bundled under {@code src/test/resources/axe/}, injected into the page, no network) run on
 * them, and screenshots written to {@code target/screenshots/} and, when the system property
 * {@code screenshots.dir} names a folder, there too (the README's screenshots are made that way:
 * {@code bench/screenshots.sh}).
 */
public final class PageBrowser implements AutoCloseable {
    /** The two widths every page is tried at: a laptop and a phone (CSS pixels). */
    public static final int WIDE = 1400;

    public static final int PHONE = 390;

    private static final String AXE;

    static {
        try (InputStream in = PageBrowser.class.getResourceAsStream("/axe/axe.min.js")) {
            AXE = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final ChromeDriver driver;
    private final Path profile;
    private int width = WIDE;

    public PageBrowser() {
        try {
            profile = Files.createTempDirectory("cikg-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                "--user-data-dir=" + profile,
                "--window-size=" + WIDE + ",1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    /** Sets the viewport's width (the window is resized until the page sees that width). */
    public void width(int cssPixels) {
        this.width = cssPixels;
        driver.manage().window().setSize(new Dimension(cssPixels, 1000));
        long inner = ((Number) js("return window.innerWidth")).longValue();
        if (inner != cssPixels) {
            driver.manage().window().setSize(new Dimension((int) (2 * cssPixels - inner), 1000));
        }
    }

    public int width() {
        return width;
    }

    public void open(String url) {
        driver.get(url);
        until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition::apply);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * The serious and critical axe-core violations on the current page (WCAG 2.0-2.2 A and AA rules and best
     * practices), each as "rule: help (the first elements)". Empty when the page is clean at those levels.
     */
    @SuppressWarnings("unchecked")
    public List<String> axeViolations() {
        if (!Boolean.TRUE.equals(js("return typeof window.axe !== 'undefined'"))) {
            js(AXE);
        }
        Object result = ((JavascriptExecutor) driver)
                .executeAsyncScript("var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
                        + " 'wcag22aa', 'best-practice']}, resultTypes: ['violations']})"
                        + ".then(function (r) { done(r.violations.filter(function (v) {"
                        + "  return v.impact === 'serious' || v.impact === 'critical'; }).map(function (v) {"
                        + "  return v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 3).map(function (n) {"
                        + "    return n.target.join(' '); }).join(' | '); })); })"
                        + ".catch(function (e) { done(['axe failed: ' + e]); });");
        return new ArrayList<>((List<String>) result);
    }

    /** How far the page reaches past the viewport's right edge, in CSS pixels (0 when it fits). */
    public long overflow() {
        return ((Number) js("return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
                        + " - window.innerWidth"))
                .longValue();
    }

    /** Saves a screenshot of the page (the viewport, or the whole page when {@code fullPage}). */
    public Path screenshot(String name, boolean fullPage) {
        try {
            if (fullPage) {
                long h = ((Number) js("return Math.min(document.documentElement.scrollHeight, 4000)")).longValue();
                driver.manage()
                        .window()
                        .setSize(new Dimension(driver.manage().window().getSize().width, (int) h + 120));
            }
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = dir.resolve(name + ".png");
            Files.write(file, png);
            String docs = System.getProperty("screenshots.dir");
            if (docs != null && !docs.isBlank()) {
                Files.write(Files.createDirectories(Path.of(docs)).resolve(name + ".png"), png);
            }
            if (fullPage) {
                width(width);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A map from a JavaScript object (a position {x, y}). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String script, Object... args) {
        return (Map<String, Object>) js(script, args);
    }

    @Override
    public void close() {
        driver.quit();
        org.springframework.util.FileSystemUtils.deleteRecursively(profile.toFile());
    }
}
