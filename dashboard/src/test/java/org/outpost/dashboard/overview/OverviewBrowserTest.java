package org.outpost.dashboard.overview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.outpost.core.article.Article;
import org.outpost.crawler.ingest.IngestBatch;
import org.outpost.crawler.ingest.IngestPipeline;
import org.outpost.dashboard.BrowserTest;
import org.outpost.dashboard.ui.chart.ChartOptions;
import org.springframework.beans.factory.annotation.Autowired;

class OverviewBrowserTest extends BrowserTest {

    @Autowired
    IngestPipeline pipeline;

    @Test
    void theOverviewShowsChartsAndCardsAndAFilterIsKeptInTheUrl() throws Exception {
        browser.get(url("/"));
        logIn();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("outpost-chart.volume-chart[rendered] canvas")));
        List<WebElement> cards = browser.findElements(By.cssSelector(".topic-card"));
        assertThat(cards).hasSize(9);
        long counted = cards.stream()
                .mapToLong(c -> Long.parseLong(
                        c.findElement(By.cssSelector(".topic-count")).getText()))
                .sum();
        assertThat(counted)
                .as("articles of the sample corpus in the last 7 days, per topic")
                .isPositive();
        // sparklines are server-drawn SVG, rendered in the SVG namespace (an HTML-namespace <svg> draws nothing)
        WebElement line = cards.getFirst().findElement(By.cssSelector(".sparkline svg polyline"));
        assertThat(line.getRect().getWidth()).isGreaterThan(50);
        assertThat(browser.findElements(By.cssSelector(".latest-article"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector(".source-row"))).isNotEmpty();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1900)); // the whole page
        wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("outpost-chart.entities-chart[rendered]")));
        // every piece of ECharts the options use was imported (a missing one draws nothing, silently)
        assertThat(chartOptionKeys("outpost-chart.volume-chart"))
                .as("the volume chart's option keys and whether ECharts has a model for each")
                .contains("option:grid", "option:xAxis", "option:yAxis", "option:tooltip", "option:axisPointer")
                .contains("option:legend")
                .noneMatch(k -> k.startsWith("missing:"));
        assertThat(chartOptionKeys("outpost-chart.entities-chart"))
                .contains("option:grid", "option:tooltip")
                .noneMatch(k -> k.startsWith("missing:"));
        screenshot("overview.png");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        // the sample corpus may have no spike this week: the spike markers' option, drawn in the same chart
        String spikes = new ObjectMapper()
                .writeValueAsString(ChartOptions.timeSeriesMarked(
                        List.of("09:00", "10:00"),
                        Map.of("border", List.of(2L, 14L)),
                        Map.of("border", "Border"),
                        false,
                        Map.of("border", List.of(new ChartOptions.Mark("10:00", "14 articles"))),
                        "articles"));
        ((JavascriptExecutor) browser)
                .executeScript("document.querySelector('outpost-chart.volume-chart').option = arguments[0]", spikes);
        assertThat(chartOptionKeys("outpost-chart.volume-chart"))
                .contains("option:markPoint", "option:legend")
                .noneMatch(k -> k.startsWith("missing:"));

        // a shared link opens the same view
        // the sample corpus's stories carry the dates their texts state: October 2022 holds CARICC's
        browser.get(url("/?range=custom&from=2022-10-01&to=2022-10-31&topic=drug_trafficking&mode=lines"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("vaadin-select.topic-select"), "Drug trafficking"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("outpost-chart.volume-chart[rendered]")));
        List<WebElement> latest = browser.findElements(By.cssSelector(".latest-article"));
        assertThat(latest).isNotEmpty().allSatisfy(a -> assertThat(a.getText()).contains("Drug trafficking"));

        // changing a filter narrows the view and is written to the URL
        browser.findElement(By.cssSelector("vaadin-select.range-select")).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//vaadin-select-item[normalize-space()='Last 90 days']")))
                .click();
        wait.until(ExpectedConditions.urlContains("range=90d"));
        assertThat(browser.getCurrentUrl()).contains("topic=drug_trafficking");
    }

    @Test
    void aTopicCardOpensTheArticlesBehindIt() {
        browser.get(url("/?range=30d"));
        logIn();
        WebElement card = wait.until(
                ExpectedConditions.elementToBeClickable(By.cssSelector(".topic-card[data-topic='border_security']")));
        long count =
                Long.parseLong(card.findElement(By.cssSelector(".topic-count")).getText());

        card.click();

        wait.until(ExpectedConditions.urlContains("/explore"));
        assertThat(browser.getCurrentUrl()).contains("q=topics%3Aborder_security");
        wait.until(ExpectedConditions.textToBe(
                By.cssSelector(".result-summary"), count + (count == 1 ? " article" : " articles")));
    }

    @Test
    void anArticleIndexedWhileTheOverviewIsOpenAppearsWithoutReloadAndItsMarkupDoesNotRun() {
        browser.get(url("/?range=24h"));
        logIn();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("outpost-chart.volume-chart[rendered]")));
        ((JavascriptExecutor) browser).executeScript("window.__outpostMarker = 'same page';");

        String title =
                "Border guards stop convoy <script>window.__pwned = true</script><img src=x onerror=\"window.__pwned = true\">";
        Article article = Article.builder(
                        "Live test agency",
                        title,
                        "Tajik border guards stopped a convoy carrying weapons across the Panj river at night. "
                                .repeat(5))
                .url("https://live.example/news/" + Instant.now().toEpochMilli())
                .fetchedAt(Instant.now())
                .build();
        try (IngestBatch batch = pipeline.batch()) {
            batch.add(article, settled -> {});
        }

        WebElement fresh =
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".latest-article.new")));
        assertThat(fresh.getText()).contains("Border guards stop convoy <script>");
        assertThat(browser.findElement(By.cssSelector(".live-status")).getText())
                .contains("1 new article");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat(js.executeScript("return window.__outpostMarker"))
                .as("no reload happened")
                .isEqualTo("same page");
        assertThat(js.executeScript("return window.__pwned === true"))
                .as("crawled markup ran")
                .isEqualTo(false);
        assertThat(browser.findElements(By.cssSelector(".latest-article.new img")))
                .isEmpty();
    }

    @Test
    void theDarkThemeIsKeptAcrossReloadsAndThePageFitsAPhone() throws Exception {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.get(url("/"));
        logIn();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("outpost-chart.volume-chart[rendered]")));
        browser.findElement(By.cssSelector("vaadin-button.theme-toggle")).click();
        wait.until(d -> "dark"
                .equals(((JavascriptExecutor) d)
                        .executeScript("return document.documentElement.getAttribute('theme')")));

        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("outpost-chart.volume-chart[rendered]")));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat(js.executeScript("return document.documentElement.getAttribute('theme')"))
                .isEqualTo("dark");
        // nothing wider than the screen: no sideways scrolling on a phone
        Number overflow = (Number)
                js.executeScript(
                        "return document.querySelector('.overview-view').scrollWidth - document.querySelector('.overview-view').clientWidth");
        assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
        screenshot("overview-phone-dark.png");
        js.executeScript("localStorage.removeItem('outpost-theme')");
    }
}
