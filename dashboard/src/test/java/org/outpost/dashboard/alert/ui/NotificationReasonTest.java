package org.outpost.dashboard.alert.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.delivery.NotificationService;
import org.outpost.alerts.subscription.ChannelDefinition;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionDefinition;
import org.outpost.alerts.subscription.SubscriptionService;
import org.outpost.core.article.Article;
import org.outpost.crawler.ingest.IngestBatch;
import org.outpost.crawler.ingest.IngestPipeline;
import org.outpost.dashboard.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The in-app notification of a keyword match says why: the alert's word marked in the article's passage. */
class NotificationReasonTest extends ViewTest {

    @Autowired
    SubscriptionService subscriptions;

    @Autowired
    NotificationService notifications;

    @Autowired
    IngestPipeline pipeline;

    @Test
    void anInAppNotificationMarksTheAlertsWordInAPassageOfItsArticle() throws Exception {
        // a word no other test's article has, letters only (a token of its own)
        String word = "Zarqa"
                + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "").toLowerCase(Locale.ROOT);
        Subscription s = subscriptions.create(
                "admin",
                SubscriptionDefinition.builder()
                        .name("Why " + word)
                        .query(word)
                        .frequency("instant")
                        .channels(java.util.List.of(ChannelDefinition.inApp()))
                        .spikeAlerts(false)
                        .paused(false)
                        .build());
        Article article = Article.builder(
                        "Reasons test agency",
                        "Road news of the week",
                        ("Officials met on Monday. Guards closed the road near " + word
                                        + " after the landslide; traffic waits. ")
                                .repeat(3))
                .url("https://reasons.example/news/" + word)
                .fetchedAt(Instant.now())
                .publishedAt(Instant.now())
                .build();
        try (IngestBatch batch = pipeline.batch()) {
            batch.add(article, settled -> {});
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (notifications.inbox("admin", 100).stream().noneMatch(d -> d.subscriptionId() == s.id())
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(notifications.inbox("admin", 100)).anyMatch(d -> d.subscriptionId() == s.id());

        navigate(NotificationsView.class);

        assertThat($(Span.class).withClassName("match-hit").all())
                .extracting(Span::getText)
                .contains(word);
    }
}
