package org.cikg.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The service (as {@link ServiceITBase}) and one headless Chromium ({@link PageBrowser}) for the whole test class,
 * set to the desktop width before each test.
 */
public abstract class BrowserITBase extends ServiceITBase {
    protected static PageBrowser browser;

    @BeforeAll
    static void startBrowser() {
        browser = new PageBrowser();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @BeforeEach
    void wide() {
        browser.width(PageBrowser.WIDE);
    }
}
