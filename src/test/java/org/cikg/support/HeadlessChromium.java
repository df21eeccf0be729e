package org.cikg.support;

import java.io.File;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts Debian's headless Chromium through {@code /usr/bin/chromedriver} with a fresh profile, for the tests that
 * open pages as a reader does.
 *
 * <pre>{@code
 * ChromeDriver driver = HeadlessChromium.start(profileDir, 1400, 900);   // quit() it when done
 * }</pre>
 */
public final class HeadlessChromium {
    private HeadlessChromium() {
    }

    /** A browser with its profile in {@code profile} and a window of {@code width} by {@code height} pixels. */
    public static ChromeDriver start(Path profile, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
