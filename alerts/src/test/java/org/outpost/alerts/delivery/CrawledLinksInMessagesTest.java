package org.outpost.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.AlertsHarness;
import org.outpost.alerts.AlertsTestSupport;
import org.outpost.alerts.MailParts;
import org.outpost.alerts.subscription.ChannelDefinition;
import org.outpost.core.article.Article;
import org.outpost.core.article.ArticleIndexed;

/** An address from crawled data becomes a link in a message only when it is http or https. */
class CrawledLinksInMessagesTest extends AlertsTestSupport {

    @Test
    void anArticleWhoseAddressIsJavascriptGetsNoOriginalLinkInTheEmail() throws Exception {
        try (AlertsHarness h = harness(
                Map.of("outpost.alerts.scheduler", "true", "outpost.alerts.dispatch-interval", "1s"),
                java.time.Clock.systemUTC())) {
            subscribeConfirmed(
                    h, "aziza", "Checkpoints", "checkpoint", List.of(ChannelDefinition.email("aziza@example.org")));
            Article hostile = withUrl(
                    article("Checkpoint closed near Batken", "Guards closed the checkpoint near Batken."),
                    "javascript:alert(1)");
            index.index(List.of(hostile));

            h.indexed(hostile, ArticleIndexed.Change.NEW);

            assertThat(mail.waitForIncomingEmail(30_000, 1)).isTrue();
            String html = MailParts.of(mail.getReceivedMessages()[0]).get("text/html");
            assertThat(html)
                    .contains("href=\"https://outpost.example/articles/" + hostile.id() + "\"")
                    .doesNotContainIgnoringCase("href=\"javascript:");
        }
    }

    /** As an article indexed before the builder dropped such addresses would be. */
    private static Article withUrl(Article a, String url) {
        return new Article(
                a.id(),
                a.title(),
                a.body(),
                url,
                url,
                a.source(),
                a.author(),
                a.publishedAt(),
                a.fetchedAt(),
                a.indexedAt(),
                a.language(),
                a.topicScores(),
                a.topics(),
                a.entities(),
                a.contentHash(),
                a.minhash(),
                a.duplicateOf(),
                a.datedFromText());
    }
}
