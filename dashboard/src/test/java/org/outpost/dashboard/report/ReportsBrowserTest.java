package org.outpost.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleIndex;
import org.outpost.dashboard.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

class ReportsBrowserTest extends BrowserTest {

    private static final String NAME = "Morning security brief";

    @Autowired
    ArticleIndex index;

    @Test
    void anAnalystAddsAReportRunsItNowAndOpensTheRun() throws Exception {
        indexRecentArticles();
        browser.get(url("/reports"));
        logIn();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-button.add-report")))
                .click();

        wait.until(ExpectedConditions.elementToBeClickable(field("Name"))).sendKeys(NAME);
        WebElement schedule = browser.findElement(field("Schedule"));
        // Tab commits the typed value to the server before the click, so the click cannot save the default schedule
        schedule.sendKeys(Keys.chord(Keys.CONTROL, "a"), "every morning", Keys.TAB);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-button.save-report")))
                .click();
        // the form's error line may sit below the dialog's scrolled area, where WebDriver reads no visible text
        wait.until(d -> d.findElements(By.cssSelector("vaadin-dialog.report-form .form-error")).stream()
                .anyMatch(e -> String.valueOf(e.getDomProperty("textContent")).contains("schedule:")));
        assertThat(browser.findElement(By.xpath("//vaadin-text-field[./label[normalize-space()='Schedule']]"))
                        .getAttribute("invalid"))
                .isNotNull();

        schedule.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0 0 7 * * *", Keys.TAB);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-button.save-report")))
                .click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("vaadin-dialog-overlay")));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//span[contains(@class,'report-name') and normalize-space()='" + NAME + "']")));

        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("vaadin-button.run-report[data-report='" + NAME + "']")))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".run-status"), "succeeded"));

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-button.open-run")))
                .click();
        WebElement frame =
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("iframe.report-frame")));
        browser.switchTo().frame(frame);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Articles per topic"));
        String report = browser.findElement(By.tagName("body")).getText();
        // the app's other tests index articles too: assert what this test's articles make certain
        assertThat(report)
                .contains(NAME)
                .contains("Drug trafficking")
                .contains("Top articles")
                .contains("Silent sources")
                .contains("Reports quiet agency");
        // the trend chart (720 wide); the map of places (560) joins it when the period names a place on it
        assertThat(browser.findElements(By.cssSelector("img[src^='data:image/png'][width='720']")))
                .hasSize(1);
        assertThat(browser.findElements(By.cssSelector("img[src^='data:image/png']:not([width='720'])")))
                .allSatisfy(map -> assertThat(map.getAttribute("width")).isEqualTo("560"));
        browser.switchTo().defaultContent();
        assertThat(browser.findElements(By.cssSelector("vaadin-dialog-overlay a.run-pdf, a.run-pdf")))
                .isNotEmpty();
        browser.manage().window().setSize(new Dimension(1280, 1100));
        screenshot("report-run.png");

        browser.findElement(By.xpath("//vaadin-button[normalize-space()='Close']"))
                .click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("vaadin-dialog-overlay")));
        assertThat(browser.findElement(By.cssSelector("a.run-pdf")).getAttribute("href"))
                .isNotBlank();
        screenshot("reports.png");
    }

    private void indexRecentArticles() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        index.index(List.of(
                article(
                        "heroin-termez",
                        "Reports fixture agency",
                        "Heroin seized at the Termez river port",
                        "Customs officers seized 40 kilograms of heroin hidden in a lorry at the Termez river port.",
                        now.minus(2, ChronoUnit.HOURS),
                        "drug_trafficking",
                        List.of("place:Termez")),
                article(
                        "precursors-osh",
                        "Reports fixture agency",
                        "Precursor chemicals stopped near Osh",
                        "Police near Osh stopped a shipment of precursor chemicals bound for clandestine laboratories.",
                        now.minus(5, ChronoUnit.HOURS),
                        "drug_trafficking",
                        List.of("place:Osh")),
                article(
                        "csto-drill",
                        "Reports fixture agency",
                        "CSTO staff hold a planning meeting in Dushanbe",
                        "Staff officers of the CSTO met in Dushanbe to plan a joint exercise for the autumn.",
                        now.minus(8, ChronoUnit.HOURS),
                        "international_cooperation",
                        List.of("org:CSTO")),
                article(
                        "quiet-yesterday",
                        "Reports quiet agency",
                        "Court hears appeal of jailed journalist",
                        "An appeals court heard the case of a journalist jailed for his reporting last year.",
                        now.minus(30, ChronoUnit.HOURS),
                        "human_rights",
                        List.of())));
        index.refresh();
    }

    private static Article article(
            String slug, String source, String title, String body, Instant at, String topic, List<String> entities) {
        Article plain = Article.builder(source, title, body)
                .url("https://reports-fixture.example/" + slug + "-" + at.getEpochSecond())
                .publishedAt(at)
                .build();
        return new Article(
                plain.id(),
                title,
                body,
                plain.url(),
                plain.canonicalUrl(),
                source,
                null,
                at,
                null,
                null,
                "en",
                Map.of(topic, 0.8),
                List.of(topic),
                entities,
                plain.contentHash(),
                null,
                null);
    }
}
