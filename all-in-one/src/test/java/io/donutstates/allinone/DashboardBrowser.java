package io.donutstates.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driving the dashboard: laptop and phone viewports, screenshots under
 * {@code target/screenshots/}, and the browser console collected for errors.
 */
final class DashboardBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Network lines for answers the dashboard expects and shows (out of stock, a refused token). */
    private static final Pattern EXPECTED_STATUS = Pattern.compile(
            "Failed to load resource: the server responded with a status of (409|401)\\b.*");

    private final ChromeDriver driver;
    private final Path profile;
    private final List<LogEntry> console = new ArrayList<>();

    private DashboardBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts Chromium, or fails (never skips) with the line that installs it. */
    static DashboardBrowser open() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The dashboard tests need Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ". Install them with: apt-get update && apt-get install -y chromium chromium-driver");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("donut-dashboard-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1366,768", "--lang=en-US");
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        // The driver is named explicitly, so Selenium Manager never looks for (or downloads) one.
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new DashboardBrowser(new ChromeDriver(service, options), profile);
    }

    WebDriver driver() {
        return driver;
    }

    void get(String url) {
        driver.get(url);
    }

    /** A 1366x768 laptop screen. */
    void laptop() {
        viewport(1366, 768, false);
    }

    /** A 390x844 phone (touch, mobile viewport). */
    void phone() {
        viewport(390, 844, true);
    }

    private void viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
        waitUntil(Duration.ofSeconds(5), d -> width == ((Number) script("return window.innerWidth")).intValue());
    }

    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    /** A script that calls its last argument (a callback) when done, waiting at most {@code timeout}. */
    Object asyncScript(Duration timeout, String js, Object... args) {
        driver.manage().timeouts().scriptTimeout(timeout);
        return driver.executeAsyncScript(js, args);
    }

    /** A Chrome DevTools Protocol command on the page's session, e.g. {@code CSS.getPlatformFontsForNode}. */
    Map<String, Object> cdp(String command, Map<String, Object> parameters) {
        return driver.executeCdpCommand(command, parameters);
    }

    <T> T waitUntil(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100)).until(condition::apply);
    }

    /** Waits for an element that matches the CSS selector and is displayed. */
    WebElement visible(String css, Duration timeout) {
        return waitUntil(timeout, d -> d.findElements(By.cssSelector(css)).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** The page is no wider than the screen: nothing to scroll sideways. */
    void assertNoHorizontalOverflow() {
        long scrollWidth = ((Number) script("return document.documentElement.scrollWidth")).longValue();
        long innerWidth = ((Number) script("return window.innerWidth")).longValue();
        assertThat(scrollWidth).as("page width at a %d px wide screen", innerWidth).isLessThanOrEqualTo(innerWidth);
    }

    /** Saves the current viewport as target/screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = SCREENSHOTS.resolve(name + ".png");
            Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));
            return shot;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every SEVERE console entry so far, less the HTTP answers the page expects (409 out of stock, 401). */
    List<String> consoleErrors() {
        return consoleEntries().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !EXPECTED_STATUS.matcher(m.replaceFirst("^\\S+ - ", "")).matches())
                .toList();
    }

    /** Every browser console entry so far (level and message), also printed to the test output. */
    List<LogEntry> consoleEntries() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER).getAll()) {
            System.out.println("browser console: " + entry.getLevel() + " " + entry.getMessage());
            console.add(entry);
        }
        return List.copyOf(console);
    }

    void assertNoConsoleErrors() {
        assertThat(consoleErrors()).as("SEVERE entries in the browser console").isEmpty();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a temp profile left behind is harmless
            }
        }
    }
}
