package io.github.nst4j.cli.studio;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.cli.StudioRecords;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The studio in a real browser: headless Chromium, driven by Selenium through ChromeDriver, against
 * the studio on a loopback port with random weights. Needs Debian's chromium and chromium-driver
 * (other paths: -Dstudio.chromium, -Dstudio.chromedriver); runs in the browser profile only. Leaves
 * a screenshot of the page in target/studio-screenshot.png.
 */
@Tag("browser")
class StudioBrowserTest {
    /** Bounds each wait for the page; a 64 px run takes seconds, minutes on a loaded machine. */
    private static final Duration WAIT = Duration.ofMinutes(10);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Path SCREENSHOT = Path.of("target", "studio-screenshot.png");

    @TempDir
    Path temp;
    private Studio studio;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        studio = Studio.start("127.0.0.1", 0, WeightsChoice.RANDOM, ResultsFolder.temporary(), new StudioRecords(),
                StudioLimits.forHeap(Runtime.getRuntime().maxMemory()));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("studio.chromium", "/usr/bin/chromium"));
        // The flags for a machine without network: no background downloads, updates or first-run pages.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--user-data-dir=" + temp.resolve("profile"),
                "--window-size=1400,1000");
        Map<String, Object> preferences = new HashMap<>();
        preferences.put("download.default_directory", temp.resolve("downloads").toString());
        preferences.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", preferences);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("studio.chromedriver", "/usr/bin/chromedriver")))
                .build();
        browser = new ChromeDriver(service, options);
        // Polled often, so that a short run is seen while it goes.
        wait = new WebDriverWait(browser, WAIT, POLL);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        studio.close();
    }

    @Test
    void aRunFormsLiveStopsAndDownloads() throws Exception {
        open();
        upload("content", "content/chelsea.png");
        upload("style", "style/starry_night.jpg");
        wait.until(page -> page.findElements(By.cssSelector("#content-list img")).size() == 1
                && page.findElements(By.cssSelector("#style-list img")).size() == 1);
        type("size", "64");
        type("iterations", "30");
        browser.findElement(By.id("start")).click();

        // The first preview, then at least two changes; the chart grows meanwhile.
        wait.until(page -> frames() >= 1 && points() >= 1);
        int pointsBefore = points();
        wait.until(page -> frames() >= 3 && points() > pointsBefore);
        browser.findElement(By.id("stop")).click();
        WebElement result = browser.findElement(By.id("result"));
        wait.until(page -> result.isDisplayed());
        assertThat(browser.findElement(By.id("status")).getText()).matches("Run 1 (stopped|finished)\\.");
        saveScreenshot();

        browser.findElement(By.id("download")).click();
        Path download = temp.resolve("downloads").resolve("nst-studio-run-1.png");
        wait.until(page -> Files.isRegularFile(download));
        BufferedImage image = ImageIO.read(download.toFile());
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(43);
        assertThat(browser.findElements(By.cssSelector("#history figure"))).hasSize(1);
    }

    @Test
    void stopKeepsTheBestImageOfALongRun() {
        open();
        clickSample("content/tubingen.jpg");
        clickSample("style/the_scream.jpg");
        clickSample("style/brick.png");
        wait.until(page -> page.findElements(By.cssSelector("#style-list img")).size() == 2);
        type("size", "64");
        type("iterations", "5000");
        browser.findElement(By.id("start")).click();
        wait.until(page -> points() >= 1);
        browser.findElement(By.id("stop")).click();
        wait.until(page -> browser.findElement(By.id("result")).isDisplayed());
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Run 1 stopped.");
        assertThat(browser.findElement(By.id("result-info")).getText()).contains("stopped early");
        assertThat(browser.findElement(By.id("stop")).isEnabled()).isFalse();
    }

    @Test
    void aTextFileIsRefusedOnThePageAndTheServerGoesOn() throws IOException {
        open();
        Path notes = Files.writeString(temp.resolve("notes.txt"), "not a picture");
        browser.findElement(By.id("content-file")).sendKeys(notes.toString());
        WebElement error = browser.findElement(By.id("error"));
        wait.until(page -> error.isDisplayed());
        assertThat(error.getText()).isEqualTo("notes.txt is not an image: use a JPEG, PNG, BMP or GIF file");
        upload("content", "content/chelsea.png");
        wait.until(page -> page.findElements(By.cssSelector("#content-list img")).size() == 1);
    }

    @Test
    void withoutTheTokenThePageIsForbidden() {
        browser.get(studio.address().resolve("/").toString());
        assertThat(browser.findElement(By.tagName("body")).getText()).startsWith("Forbidden: the request lacks the studio's token");
    }

    /** Opens the page and waits until it is ready: settings, samples and the event stream. */
    private void open() {
        browser.get(studio.address().toString());
        wait.until(page -> !page.findElements(By.cssSelector("body[data-ready]")).isEmpty());
    }

    private void upload(String role, String sample) {
        browser.findElement(By.id(role + "-file")).sendKeys(samplePath(sample).toString());
    }

    private void clickSample(String key) {
        wait.until(page -> !page.findElements(By.cssSelector("img[data-key='" + key + "']")).isEmpty());
        browser.findElement(By.cssSelector("img[data-key='" + key + "']")).click();
    }

    /** A sample image as the build copied it into the classes folder. */
    private static Path samplePath(String key) {
        try {
            return Path.of(StudioBrowserTest.class.getResource("samples/" + key).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void type(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private int frames() {
        return Integer.parseInt(browser.findElement(By.id("preview")).getDomAttribute("data-frames"));
    }

    private int points() {
        return Integer.parseInt(browser.findElement(By.id("chart")).getDomAttribute("data-points"));
    }

    private void saveScreenshot() throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    }
}
