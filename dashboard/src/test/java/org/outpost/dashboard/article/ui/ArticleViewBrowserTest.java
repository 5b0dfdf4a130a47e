package org.outpost.dashboard.article.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.outpost.dashboard.BrowserTest;

/**
 * Logs in through the real login page in headless Chromium, searches, opens an article and
 * saves a screenshot of the article view to docs/.
 */
class ArticleViewBrowserTest extends BrowserTest {

    private static final Path SCREENSHOT = SCREENSHOTS.resolve("article-view.png");

    @Test
    void loginSearchAndReadAnArticle() throws Exception {
        browser.get("http://localhost:" + port + "/explore");
        logIn();

        WebElement search =
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".search-field input")));
        // the sample corpus's 21 (13 stories of its scraped pages, 8 briefs), plus what other tests of this shared app
        // crawled
        wait.until(ExpectedConditions.textMatches(
                By.cssSelector(".result-summary"),
                java.util.regex.Pattern.compile("(2[1-9]|[3-9]\\d|[1-9][\\d,]{2,}) articles")));

        search.sendKeys("border AND (security", Keys.ENTER);
        WebElement field = browser.findElement(By.cssSelector("vaadin-text-field.search-field"));
        wait.until(d -> "true".equals(field.getDomProperty("invalid")));
        assertThat(field.getDomProperty("errorMessage"))
                .contains("the query ends too early")
                .contains("column 21");
        assertThat(browser.findElement(By.cssSelector(".empty-state")).getText())
                .contains("Fix the query");

        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        search.sendKeys("Interpol AND Kalkan", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".result-summary"), "1 article"));
        // the grid keeps recycled rows around, so look for the visible result, not a row count
        WebElement title = wait.until(d -> d.findElements(By.cssSelector("a.article-title")).stream()
                .filter(WebElement::isDisplayed)
                .filter(a -> a.getText().contains("Interpol"))
                .findFirst()
                .orElse(null));
        assertThat(title.getText()).contains("Interpol");
        assertThat(browser.findElement(By.cssSelector(".article-snippet mark")).getText())
                .isNotBlank();

        title.click();
        WebElement heading =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("h1.article-heading")));
        assertThat(heading.getText()).isEqualTo("Tajikistan co-operates with Interpol to fight trans-national crime");
        String text = browser.findElement(By.cssSelector(".article-body")).getText();
        assertThat(text)
                .contains("DUSHANBE")
                .doesNotContain("Do you like this article")
                .doesNotContain("Comment Policy");
        assertThat(browser.getTitle()).contains("Tajikistan co-operates with Interpol");

        Files.createDirectories(SCREENSHOT.getParent());
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(SCREENSHOT)).isGreaterThan(10_000);

        // topic scores with their explanation, and entity chips that filter the list
        assertThat(browser.findElements(By.cssSelector(".topic-row.labelled"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector(".topic-row.labelled .topic-name"))
                        .getText())
                .isNotBlank();
        browser.findElement(By.cssSelector(".topic-details")).click();
        wait.until(d ->
                d.findElements(By.cssSelector(".topic-explanation li")).stream().anyMatch(WebElement::isDisplayed));
        WebElement interpol = browser.findElements(By.cssSelector("a.chip")).stream()
                .filter(a -> a.getText().equals("Interpol"))
                .findFirst()
                .orElseThrow();
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center'})", interpol);
        interpol.click();
        wait.until(ExpectedConditions.textMatches(
                By.cssSelector(".result-summary"), java.util.regex.Pattern.compile("\\d+ articles?")));
        assertThat(browser.findElement(By.cssSelector(".search-field input")).getDomProperty("value"))
                .isEqualTo("entities:\"org:Interpol\"");
    }

    @Test
    void adminReScoresEveryArticleFromTheTopicsPage() throws Exception {
        browser.get("http://localhost:" + port + "/admin/topics");
        logIn();
        wait.until(ExpectedConditions.urlContains("/admin/topics"));
        WebElement button = wait.until(
                ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-button[contains(., 'Reload topic file')]")));
        assertThat(browser.findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                        .anyMatch(c -> c.getText().equals("Drug trafficking")))
                .isTrue();

        button.click();

        wait.until(ExpectedConditions.textMatches(
                By.cssSelector(".rescore-status"), java.util.regex.Pattern.compile("Re-scored \\d+ articles")));
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOT.resolveSibling("topics.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void sourcesShowHealthAndRunsAndAFormThatSaysWhatIsWrong() throws Exception {
        browser.get("http://localhost:" + port + "/sources");
        logIn();
        wait.until(ExpectedConditions.urlContains("/sources"));
        WebElement sample = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid-cell-content[.//span[text()='Sample corpus']]")));
        assertThat(browser.findElements(By.xpath("//vaadin-grid-cell-content[.//span[text()='Eurasianet']]")))
                .hasSize(1);

        // the default sources fill more than a screen: a tall window shows them all
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2400));
        sample = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid-cell-content[.//span[text()='Sample corpus']]")));
        sample.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".source-details h3"), "Sample corpus: recent runs"));

        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-button[contains(., 'Add source')]")))
                .click();
        WebElement name = wait.until(ExpectedConditions.elementToBeClickable(field("Name")));
        name.sendKeys("Regional agency");
        browser.findElement(field("Address")).sendKeys("https://agency.example/rss");
        WebElement schedule = browser.findElement(field("Schedule"));
        schedule.sendKeys(Keys.chord(Keys.CONTROL, "a"), "every hour");
        browser.findElement(By.xpath("//vaadin-dialog//vaadin-button[contains(., 'Add source')]"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-text-field[@invalid][./label[normalize-space()='Schedule']]")));
        assertThat(browser.findElement(By.cssSelector(".form-error")).getText()).startsWith("Schedule: ");

        schedule.sendKeys(Keys.chord(Keys.CONTROL, "a"), "PT2H");
        browser.findElement(By.xpath("//vaadin-checkbox[./label[normalize-space()='Enabled']]/input"))
                .click(); // added disabled: no crawl
        browser.findElement(By.xpath("//vaadin-dialog//vaadin-button[contains(., 'Add source')]"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-grid-cell-content[.//span[text()='Regional agency']]")));
        sample = browser.findElement(By.xpath("//vaadin-grid-cell-content[.//span[text()='Sample corpus']]"));
        sample.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".source-details h3"), "Sample corpus: recent runs"));
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOT.resolveSibling("sources.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        browser.get("http://localhost:" + port + "/articles/anything");
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form")));
        assertThat(browser.findElements(By.cssSelector("input[name='username']")))
                .hasSize(1);
    }
}
