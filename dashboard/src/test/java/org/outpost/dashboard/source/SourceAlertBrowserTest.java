package org.outpost.dashboard.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.outpost.alerts.source.SourceAlerts;
import org.outpost.crawler.SourceService;
import org.outpost.crawler.run.CrawlRun;
import org.outpost.crawler.source.Source;
import org.outpost.crawler.source.SourceDefinition;
import org.outpost.dashboard.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/** A source that went quiet, as an admin sees it in the Sources view: marked, and told above the list. */
class SourceAlertBrowserTest extends BrowserTest {

    @Autowired
    SourceService sources;

    @Autowired
    SourceAlerts alerts;

    @Test
    void aSilentSourceIsMarkedInTheSourcesViewAndItsAlertShownAboveTheList() throws Exception {
        try (QuietSite site = new QuietSite("Khatlon border news", Duration.ofDays(3))) {
            String name = "Khatlon border news " + UUID.randomUUID().toString().substring(0, 4);
            Source source = sources.create(
                    new SourceDefinition(
                            name, "rss", site.url("/feed.xml"), "PT12H", "UTC", true, "en", null, null, true),
                    new SourceService.Editor("admin", true));
            awaitFirstRun(source.id());
            assertThat(sources.checkHealth(Instant.now()))
                    .anySatisfy(c -> assertThat(c.sourceId()).isEqualTo(source.id()));
            awaitNotice(source.id());

            browser.get(url("/sources"));
            logIn();
            WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".source-notice[data-source-id='" + source.id() + "']")));
            assertThat(notice.getText()).contains(name).contains("is silent").contains("every 6 hours");
            // silent and failing sources come first in the list, marked beside their health
            WebElement mark =
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".source-alarm-silent")));
            assertThat(mark.getText()).isEqualTo("Silent");
            assertThat(mark.getAttribute("title")).contains("it usually publishes every 6 hours");
            screenshot("source-alert.png");
        }
    }

    private void awaitFirstRun(long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            java.util.List<CrawlRun> runs = sources.runs(id, 1);
            boolean done = !runs.isEmpty() && runs.getFirst().finishedAt() != null;
            if (done || System.nanoTime() > deadline) {
                assertThat(runs)
                        .singleElement()
                        .satisfies(r -> assertThat(r.articlesNew() + r.articlesDuplicate())
                                .isEqualTo(8));
                return;
            }
            Thread.sleep(200);
        }
    }

    private void awaitNotice(long sourceId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (alerts.notices("admin", 50).stream().noneMatch(n -> n.sourceId() == sourceId)
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(alerts.notices("admin", 50))
                .anySatisfy(n -> assertThat(n.sourceId()).isEqualTo(sourceId));
    }
}
