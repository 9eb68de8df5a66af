package org.tidings.server.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven by its chromedriver, for tests of pages as readers meet
 * them. When either is missing its tests are skipped, unless {@code TIDINGS_REQUIRE_BROWSER=true}
 * (as in CI), where they fail instead. Screenshots go to {@code target/screenshots/}.
 */
public final class Chromium {

    public static final Path BINARY = Path.of(env("TIDINGS_CHROMIUM", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(env("TIDINGS_CHROMEDRIVER", "/usr/bin/chromedriver"));

    /** Headless Chromium's windows are at least this wide, whatever {@code --window-size} asks. */
    private static final int SMALLEST_WINDOW = 500;

    private Chromium() {}

    /** A headless browser whose page is this wide and high, in the given time zone; below 500 px, a phone's screen. */
    public static ChromeDriver start(int width, int height, String timeZone) {
        requireBrowser();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + Math.max(width, SMALLEST_WINDOW) + "," + height);
        if (width < SMALLEST_WINDOW) {
            // a phone: its screen emulated, as the window cannot be that narrow
            options.setExperimentalOption("mobileEmulation",
                    Map.of("deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 1.0, "touch", true)));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", timeZone))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return driver;
    }

    /**
     * Waits until {@code element}'s page has been replaced (a form was sent). Chromium 156's driver answers a question
     * about an element of the page being left with "does not belong to the document" rather than "stale", which
     * Selenium's {@code stalenessOf} does not take for an answer.
     */
    public static void awaitGone(ChromeDriver driver, WebElement element) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    /** Saves what the browser shows as {@code target/screenshots/NAME.png}. */
    public static Path screenshot(ChromeDriver driver, String name) throws Exception {
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(png.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    private static void requireBrowser() {
        if (Files.isExecutable(BINARY) && Files.isExecutable(DRIVER)) return;
        String message = "Chromium or chromedriver missing (" + BINARY + ", " + DRIVER + "): apt-get install chromium chromium-driver";
        if ("true".equalsIgnoreCase(System.getenv("TIDINGS_REQUIRE_BROWSER"))) throw new IllegalStateException(message);
        Assumptions.abort(message);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
