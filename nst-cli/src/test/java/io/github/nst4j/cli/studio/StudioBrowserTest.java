package io.github.nst4j.cli.studio;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.cli.transfer.StudioRecords;
import io.github.nst4j.fast.FastStyleModel;
import io.github.nst4j.fast.TransformerNet;
import io.github.nst4j.fast.TransformerSize;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
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
    void start() {
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
        // The page re-renders its lists: an element found just before that is gone; the next poll finds the new one.
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (studio != null) {
            studio.close();
        }
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

    /**
     * A run whose pretrained weights cannot be downloaded fails with the reason, and the page then
     * offers the untrained weights: its choice switches, the note explains them, the TV slider rests.
     */
    @Test
    void weightsThatCannotBeDownloadedSwitchThePageToUntrainedWeights() throws IOException {
        withoutDownloads(() -> {
            startAPretrainedRun();
            wait.until(page -> page.findElement(By.id("error")).getText().contains("could be downloaded"));
            assertThat(new Select(browser.findElement(By.id("weights"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("untrained");
            assertThat(browser.findElement(By.id("weights-note")).getText()).contains("Untrained weights: no download");
            assertThat(browser.findElement(By.id("tvWeight")).isEnabled()).isFalse();
        });
    }

    /**
     * A failure sent while the page had no event stream (hidden, reconnecting, or not yet connected
     * after loading) is shown once the stream opens again.
     */
    @Test
    void aFailureMissedWithoutAStreamIsShownWhenItReopens() throws IOException {
        withoutDownloads(() -> {
            browser.executeScript("release()");
            wait.until(page -> studio.openStreams() == 0);
            startAPretrainedRun();
            StudioClient server = new StudioClient(studio.address());
            // The page had its run's number before the studio answered: the run went, and has ended.
            wait.until(page -> noRunGoes(server));
            assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
            browser.executeScript("listen()");
            // One request after the stream opens; far less than a run, so a short wait.
            new WebDriverWait(browser, Duration.ofMinutes(1), POLL).until(page ->
                    page.findElement(By.id("error")).getText().contains("could be downloaded"));
            assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Run 1 failed.");
            assertThat(new Select(browser.findElement(By.id("weights"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("untrained");
        });
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

    /**
     * A model file chosen on the page stylises the photo at the page's size; the result joins the
     * strip and, reopened after another photo was chosen, brings its own photo back.
     */
    @Test
    void aChosenModelStylisesThePhoto() throws IOException {
        TransformerSize size = new TransformerSize(4, 8, 8, 1);
        Path model = temp.resolve("tiny.nstm");
        new FastStyleModel(size, TransformerNet.initialWeights(size, 3), Map.of("style.0.name", "starry_night.jpg"))
                .save(model);
        open();
        browser.findElement(By.id("model-file")).sendKeys(model.toString());
        wait.until(page -> page.findElement(By.id("apply")).isEnabled());
        assertThat(new Select(browser.findElement(By.id("model"))).getFirstSelectedOption().getText())
                .isEqualTo("tiny.nstm (starry_night.jpg)");
        upload("content", "content/chelsea.png");
        wait.until(page -> page.findElements(By.cssSelector("#content-list img")).size() == 1);
        type("size", "48");
        browser.findElement(By.id("apply")).click();
        wait.until(page -> page.findElement(By.id("status")).getText().equals("Run 1: tiny.nstm applied to chelsea.png."));
        assertThat(browser.findElement(By.id("result-info")).getText()).startsWith("Run 1: 48×32 px by the model tiny.nstm");
        assertThat(browser.findElement(By.cssSelector("#history figure[data-run='1'] figcaption")).getText())
                .isEqualTo("#1 · 48×32 · tiny.nstm");

        upload("content", "content/tubingen.jpg");
        wait.until(page -> page.findElement(By.cssSelector("#content-list figcaption")).getText().equals("tubingen.jpg"));
        browser.findElement(By.cssSelector("#history figure[data-run='1']")).click();
        wait.until(page -> page.findElement(By.cssSelector("#content-list figcaption")).getText().equals("chelsea.png"));
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
    void aReopenedResultShowsItsOwnChartStatusAndImageNames() {
        open();
        upload("content", "content/chelsea.png");
        upload("style", "style/starry_night.jpg");
        wait.until(page -> page.findElements(By.cssSelector("#content-list img")).size() == 1
                && page.findElements(By.cssSelector("#style-list img")).size() == 1);
        type("size", "64");
        runToTheEnd(1, "4");
        runToTheEnd(2, "7");
        assertThat(points()).isEqualTo(7);

        reopen(1);
        assertThat(points()).isEqualTo(4);
        assertThat(browser.findElement(By.id("iterations")).getDomProperty("value")).isEqualTo("4");

        browser.navigate().refresh();
        wait.until(page -> !page.findElements(By.cssSelector("body[data-ready]")).isEmpty()
                && page.findElements(By.cssSelector("#history figure")).size() == 2);
        reopen(1);
        assertThat(points()).isEqualTo(4);
        assertThat(browser.findElement(By.cssSelector("#content-list figcaption")).getText()).isEqualTo("chelsea.png");
        assertThat(browser.findElement(By.cssSelector("#style-list figcaption")).getText()).isEqualTo("starry_night.jpg");
    }

    @Test
    void aHiddenPageReleasesItsEventStream() {
        open();
        String first = browser.getWindowHandle();
        wait.until(page -> studio.openStreams() == 1);
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(studio.address().toString());
        wait.until(page -> !page.findElements(By.cssSelector("body[data-ready]")).isEmpty()
                && Long.valueOf(1).equals(browser.executeScript("return page.events && page.events.readyState")));
        // The second page's stream is open: only it is left once the first closed its own in the background.
        wait.until(page -> studio.openStreams() == 1);
        assertThat(streamOfThePage()).isEqualTo("open");
        browser.close();
        browser.switchTo().window(first);
        wait.until(page -> "open".equals(streamOfThePage()) && studio.openStreams() == 1);
    }

    @Test
    void theServersSentenceIsShownForImagesBeyondTheSessionsBudget() throws IOException {
        open(new StudioLimits(100 * 100, 2, StudioLimits.STYLES_PER_RUN, StudioLimits.EVENT_STREAMS));
        browser.findElement(By.id("content-file")).sendKeys(picture("large.png", 200, 100).toString());
        WebElement error = browser.findElement(By.id("error"));
        wait.until(page -> error.isDisplayed());
        assertThat(error.getText()).isEqualTo("large.png has 200x100 pixels, more than the 0.0100 megapixels the"
                + " studio holds at once: scale it down, or give Java more memory (NST_JAVA_OPTS=-Xmx8g)");

        // Two images fit: a third frees the oldest, and the page says so.
        browser.findElement(By.id("content-file")).sendKeys(picture("photo.png", 40, 30).toString());
        wait.until(page -> page.findElements(By.cssSelector("#content-list img")).size() == 1);
        browser.findElement(By.id("style-file")).sendKeys(picture("first.png", 40, 30) + "\n"
                + picture("second.png", 40, 30));
        wait.until(page -> page.findElements(By.cssSelector("#style-list img")).size() == 2
                && page.findElements(By.cssSelector("#content-list img")).isEmpty());
        assertThat(error.getText()).startsWith("photo.png is no longer held by the studio");
    }

    @Test
    void aPageBeyondTheStreamCapShowsTheServersSentence() throws Exception {
        studio = startStudio(new StudioLimits(StudioLimits.MAX_IMAGE_PIXELS, StudioLimits.IMAGES,
                StudioLimits.STYLES_PER_RUN, 1));
        try (StudioClient.RawStream other = new StudioClient(studio.address()).openStream()) {
            assertThat(other.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            browser.get(studio.address().toString());
            WebElement error = browser.findElement(By.id("error"));
            wait.until(page -> error.isDisplayed());
            assertThat(error.getText()).isEqualTo("The studio already sends live updates to 1 open page, its limit:"
                    + " close studio tabs you no longer use, then reload this one");
        }
    }

    @Test
    void withoutTheTokenThePageIsForbidden() throws Exception {
        studio = startStudio(StudioLimits.forHeap(Runtime.getRuntime().maxMemory()));
        browser.get(studio.address().resolve("/").toString());
        assertThat(browser.findElement(By.tagName("body")).getText()).startsWith("Forbidden: the request lacks the studio's token");
    }

    /** Runs {@code steps} on a page of a studio where no weights can be downloaded. */
    private void withoutDownloads(Steps steps) throws IOException {
        NoDownloads noDownloads = new NoDownloads(Files.createDirectory(temp.resolve("dl4j")));
        try (noDownloads) {
            open();
            steps.run();
        }
    }

    /** Steps of a test that may read files. */
    private interface Steps {
        void run() throws IOException;
    }

    /** Starts a 64 px run on pretrained weights and waits until the page knows its number. */
    private void startAPretrainedRun() {
        clickSample("content/tubingen.jpg");
        clickSample("style/the_scream.jpg");
        wait.until(page -> page.findElements(By.cssSelector("#style-list img")).size() == 1);
        new Select(browser.findElement(By.id("weights"))).selectByValue("pretrained");
        type("size", "64");
        browser.findElement(By.id("start")).click();
        // "Run 1: starting…", or already "Run 1 failed." where a stream brings the failure at once.
        wait.until(page -> page.findElement(By.id("status")).getText().startsWith("Run 1"));
    }

    /** Whether no run goes, asked as a page would. */
    private static boolean noRunGoes(StudioClient server) {
        try {
            return StudioClient.json(server.get("api/state")).path("running").isNull();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a studio of the usual limits, opens the page and waits until it is ready. */
    private void open() {
        open(StudioLimits.forHeap(Runtime.getRuntime().maxMemory()));
    }

    /** Starts a studio, opens the page and waits until it is ready: settings, samples and the event stream. */
    private void open(StudioLimits limits) {
        try {
            studio = startStudio(limits);
        } catch (Exception e) {
            throw new IllegalStateException("The studio did not start", e);
        }
        browser.get(studio.address().toString());
        wait.until(page -> !page.findElements(By.cssSelector("body[data-ready]")).isEmpty());
    }

    private static Studio startStudio(StudioLimits limits) throws Exception {
        return Studio.start("127.0.0.1", 0, WeightsChoice.RANDOM, ResultsFolder.temporary(), new StudioRecords(),
                limits);
    }

    /** Starts run {@code run} of {@code iterations} and waits until it has finished. */
    private void runToTheEnd(int run, String iterations) {
        type("iterations", iterations);
        browser.findElement(By.id("start")).click();
        wait.until(page -> page.findElement(By.id("status")).getText().equals("Run " + run + " finished."));
    }

    /** Clicks result {@code run} in the strip and waits until the page shows it. */
    private void reopen(int run) {
        browser.findElement(By.cssSelector("#history figure[data-run='" + run + "']")).click();
        wait.until(page -> page.findElement(By.id("status")).getText().equals("Run " + run + " finished.")
                && page.findElement(By.id("result-info")).getText().startsWith("Run " + run + ":"));
    }

    private String streamOfThePage() {
        return browser.findElement(By.tagName("body")).getDomAttribute("data-stream");
    }

    /** A PNG file of {@code width x height} in the test's folder. */
    private Path picture(String name, int width, int height) throws IOException {
        return Files.write(temp.resolve(name), StudioClient.png(width, height));
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
