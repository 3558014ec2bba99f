package de.smartcitylod.support;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Headless Chromium from Debian's chromium and chromium-driver packages. Where they are missing the
 * calling test is skipped (never passed); .ci/run installs them.
 */
public final class Browser {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {}

    public static WebDriver start(Path profileDir) {
        List<String> missing = new java.util.ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) missing.add(CHROMIUM + " (Debian package chromium)");
        if (!Files.isExecutable(DRIVER)) missing.add(DRIVER + " (Debian package chromium-driver)");
        if (!missing.isEmpty()) System.out.println("browser test skipped: missing " + String.join(" and ", missing) + "; .ci/run installs them");
        Assumptions.assumeTrue(missing.isEmpty(), () -> "browser test skipped: missing " + String.join(" and ", missing));
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        // No network beyond loopback here: keep Chromium from calling home.
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--window-size=1400,1000", "--user-data-dir=" + profileDir.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, o);
    }

    /** What a browser test does with a server on the shipped data and a browser pointed at nothing yet. */
    public interface Session { void run(TestServer server, WebDriver driver) throws Exception; }

    /** Serves data/ on a free port, starts headless Chromium (or skips the test), runs the session, cleans up. */
    public static void onShippedData(Path dir, Session session) throws Exception {
        try (TestServer server = TestServer.start(dir, Path.of("data"), o -> o)) {
            WebDriver driver = start(dir.resolve("chrome"));
            try {
                session.run(server, driver);
            } finally {
                driver.quit();
            }
        }
    }

    /** A screenshot of one element (e.g. a map), for docs and for looking at a failed test. */
    public static Path screenshot(org.openqa.selenium.WebElement element, String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, element.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    public static Path screenshot(WebDriver driver, String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
