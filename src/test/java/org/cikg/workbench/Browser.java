package org.cikg.workbench;

import java.nio.file.Path;
import org.cikg.support.PageBrowser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;

/**
 * The shared headless Chromium ({@link PageBrowser}) with the workbench's own steps, for tests that open the
 * workbench as a user does. Screenshots go to {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {
    private final PageBrowser browser = new PageBrowser();

    void open(String url) {
        browser.driver().get(url);
    }

    /** Opens the workbench (or a link into it) and waits until the editor is ready. */
    void openWorkbench(String url) {
        browser.driver().get("about:blank");
        browser.driver().get(url);
        until(d -> !d.findElements(By.cssSelector(".cm-editor[data-ready]")).isEmpty());
    }

    WebElement find(String css) {
        return browser.find(css);
    }

    void click(String css) {
        find(css).click();
    }

    String text(String css) {
        return find(css).getText();
    }

    Object js(String script) {
        return browser.js(script);
    }

    String currentUrl() {
        return browser.driver().getCurrentUrl();
    }

    <T> T until(ExpectedCondition<T> condition) {
        return browser.until(condition);
    }

    Path screenshot(String name) {
        return browser.screenshot(name, false);
    }

    ChromeDriver driver() {
        return browser.driver();
    }

    @Override
    public void close() {
        browser.close();
    }
}
