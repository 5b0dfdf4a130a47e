package org.outpost.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;

/**
 * End-to-end tests in Debian's headless Chromium against the running app: the browser, logging
 * in, and screenshots (for {@code docs/screenshots/} and, after every test, {@code target/browser/}).
 */
public abstract class BrowserTest extends OutpostAppTest {

    protected static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");

    @Value("${local.server.port}")
    protected int port;

    protected WebDriver browser;
    protected WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Path.of("/usr/bin/chromium").toString());
        // the flags that keep Chromium from calling home on a machine with a closed network
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("outpost-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws Exception {
        if (browser != null) {
            // what the browser showed last, for a failing run
            Path shot =
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Path target = Path.of(
                    "target", "browser", test.getTestMethod().orElseThrow().getName() + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(target.resolveSibling(target.getFileName() + ".html"), browser.getPageSource());
            browser.quit();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void logIn() {
        wait.until(ExpectedConditions.urlContains("/login"));
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        user.sendKeys("admin");
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(ADMIN_PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** The input of the Vaadin text field with this label. */
    protected static By field(String label) {
        return By.xpath("//vaadin-text-field[./label[normalize-space()='" + label + "']]/input");
    }

    protected void screenshot(String name) throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The option keys of the chart matched by this selector, each prefixed "option:" when ECharts
     * made a model for it and "missing:" when it did not. The dashboard imports ECharts piece by
     * piece (outpost-chart.js), and an option whose piece is missing is dropped without a word in
     * production; a model per key shows each was imported. Keys are the option's components
     * (grid, tooltip, legend…), the tooltip's axisPointer and the series' markers (markPoint…).
     */
    @SuppressWarnings("unchecked")
    protected List<String> chartOptionKeys(String selector) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                        const el = document.querySelector(arguments[0]);
                        const option = JSON.parse(el.option);
                        const model = el._chart.getModel();
                        const keys = Object.keys(option)
                            .filter(k => !['color', 'backgroundColor', 'series'].includes(k));
                        if (option.tooltip && option.tooltip.axisPointer) keys.push('axisPointer');
                        for (const s of option.series) {
                          for (const k of ['markPoint', 'markLine', 'markArea']) {
                            if (s[k] && !keys.includes(k)) keys.push(k);
                          }
                        }
                        return keys.map(k => (model.getComponent(k) ? 'option:' : 'missing:') + k);
                        """, selector);
    }
}
