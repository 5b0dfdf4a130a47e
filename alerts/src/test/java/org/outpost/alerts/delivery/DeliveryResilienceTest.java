package org.outpost.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.AlertsHarness;
import org.outpost.alerts.AlertsTestSupport;
import org.outpost.alerts.subscription.ChannelDefinition;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.core.article.Article;
import org.outpost.core.article.ArticleIndexed;
import org.outpost.core.postgres.TestDatabases;

@Tag(TestDatabases.TAG)
class DeliveryResilienceTest extends AlertsTestSupport {

    @Test
    void smtpDownForAWhileThenDeliveredExactlyOnceWhenItReturns() throws Exception {
        int port = smtpPort();
        try (AlertsHarness h = harness()) {
            Subscription s = subscribeConfirmed(
                    h, "aziza", "Trafficking", "trafficking", List.of(ChannelDefinition.email("aziza@example.org")));
            mail.stop();
            h.indexed(
                    article("Trafficking ring broken up", "Police broke up a trafficking ring in Osh."),
                    ArticleIndexed.Change.NEW);
            DeliveryDispatcher dispatcher = h.bean(DeliveryDispatcher.class);

            assertThat(dispatcher.dispatchDue()).isEqualTo(1);
            Delivery failed = h.bean(NotificationService.class)
                    .log("aziza", s.id(), null, 5)
                    .getFirst();
            assertThat(failed.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.lastError()).startsWith("the mail server did not take the message");
            assertThat(failed.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(10));

            clock.advance(Duration.ofSeconds(5));
            assertThat(dispatcher.dispatchDue()).as("not before the back-off").isZero();
            clock.advance(Duration.ofSeconds(6));
            assertThat(dispatcher.dispatchDue()).isEqualTo(1);
            assertThat(h.bean(NotificationService.class)
                            .log("aziza", s.id(), null, 5)
                            .getFirst()
                            .nextAttemptAt())
                    .as("doubled")
                    .isEqualTo(clock.instant().plusSeconds(20));

            mail = startMail(port);
            clock.advance(Duration.ofSeconds(21));
            assertThat(dispatcher.dispatchDue()).isEqualTo(1);
            clock.advance(Duration.ofHours(2));
            assertThat(dispatcher.dispatchDue()).isZero();
            assertThat(mail.getReceivedMessages()).hasSize(1);
            Delivery sent = h.bean(NotificationService.class)
                    .log("aziza", s.id(), null, 5)
                    .getFirst();
            assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(sent.attempts()).isEqualTo(3);
        }
    }

    @Test
    void aChannelThatKeepsFailingIsMarkedFailedWithItsErrorAndCanBeRetried() throws Exception {
        try (AlertsHarness h = harness(Map.of("outpost.alerts.max-attempts", "3"))) {
            Subscription s = subscribeConfirmed(
                    h, "aziza", "Hook", "heroin", List.of(ChannelDefinition.webhook(webhook.url(), null, false)));
            webhook.answer(503);
            h.indexed(article("Heroin seized", "Customs seized heroin at the border."), ArticleIndexed.Change.NEW);
            for (int i = 0; i < 5; i++) {
                h.bean(DeliveryDispatcher.class).dispatchDue();
                clock.advance(Duration.ofHours(1));
            }
            NotificationService notifications = h.bean(NotificationService.class);
            Delivery failed = notifications.log("aziza", s.id(), null, 5).getFirst();
            assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(failed.attempts()).isEqualTo(3);
            assertThat(failed.lastError()).isEqualTo("the webhook answered HTTP 503: receiver is down");
            assertThat(notifications.failedCount("aziza")).isEqualTo(1);
            assertThat(notifications.failed(10)).extracting(Delivery::id).contains(failed.id());
            assertThat(notifications.retry("someone-else", failed.id())).isFalse();

            webhook.answer(200);
            assertThat(notifications.retry("aziza", failed.id())).isTrue();
            h.bean(DeliveryDispatcher.class).dispatchDue();
            assertThat(webhook.received()).hasSize(1);
            assertThat(webhook.received().getFirst().header("X-Outpost-Delivery"))
                    .isEqualTo(Long.toString(failed.id()));
        }
    }

    @Test
    void twoInstancesSendingAtOnceDeliverEachMessageOnce() throws Exception {
        try (AlertsHarness a = harness();
                AlertsHarness b = harness()) {
            subscribeConfirmed(
                    a,
                    "aziza",
                    "Border",
                    "border",
                    List.of(
                            ChannelDefinition.email("aziza@example.org"),
                            ChannelDefinition.webhook(webhook.url(), null, false)));
            for (int i = 0; i < 5; i++) {
                Article article =
                        article("Border post " + i + " reinforced", "The border post " + i + " got more guards.");
                // each instance hears about the articles it indexed, and one article reaches both
                (i % 2 == 0 ? a : b).indexed(article, ArticleIndexed.Change.NEW);
                if (i == 4) {
                    a.indexed(article, ArticleIndexed.Change.NEW);
                }
            }
            b.bean(org.outpost.alerts.match.InstantMatcher.class).refreshIfChanged();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Integer>> runs = new ArrayList<>();
            for (AlertsHarness h : List.of(a, b)) {
                runs.add(pool.submit(() -> h.bean(DeliveryDispatcher.class).dispatchDue()));
            }
            int attempted = 0;
            for (Future<Integer> run : runs) {
                attempted += run.get();
            }
            pool.shutdown();
            assertThat(attempted).isEqualTo(10);
            MimeMessage[] mails = mail.getReceivedMessages();
            assertThat(mails).hasSize(5);
            assertThat(Arrays.stream(mails)
                            .map(org.outpost.alerts.MailParts::subject)
                            .distinct())
                    .hasSize(5);
            assertThat(webhook.received()).hasSize(5);
        }
    }

    @Test
    void anInstanceHoldsNoMoreClaimsThanItHasSenderThreads() throws Exception {
        try (AlertsHarness h =
                harness(Map.of("outpost.alerts.storm-threshold", "100", "outpost.alerts.sender-threads", "4"))) {
            subscribeConfirmed(
                    h, "aziza", "Border", "border", List.of(ChannelDefinition.webhook(webhook.url(), null, false)));
            for (int i = 0; i < 12; i++) {
                h.indexed(
                        article("Border post " + i + " closed", "The border post " + i + " was closed."),
                        ArticleIndexed.Change.NEW);
            }
            java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
            webhook.holdUntil(gate);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<Integer> run =
                    pool.submit(() -> h.bean(DeliveryDispatcher.class).dispatchDue());
            while (webhook.arrivals() == 0) {
                Thread.sleep(20);
            }
            Thread.sleep(300); // the other sender threads claim theirs and wait for the receiver

            // were the instance to die now, only these claims would wait for the claim timeout
            long claimed = h.jdbc()
                    .sql("select count(*) from alert_delivery where status = 'SENDING'")
                    .query(Long.class)
                    .single();
            gate.countDown();
            assertThat(claimed).isBetween(1L, 4L); // sender threads: 4
            assertThat(run.get()).isEqualTo(12);
            pool.shutdown();
            assertThat(webhook.received()).hasSize(12);
        }
    }

    @Test
    void aRestartedInstanceTakesOverUnsentDeliveriesWithoutRepeatingSentOnes() throws Exception {
        AlertsHarness first = harness();
        subscribeConfirmed(first, "aziza", "Border", "border", List.of(ChannelDefinition.email("aziza@example.org")));
        for (int i = 0; i < 5; i++) {
            first.indexed(
                    article("Border incident " + i, "An incident at the border, number " + i + "."),
                    ArticleIndexed.Change.NEW);
        }
        // the first instance sends some, claims one and dies before finishing it
        DeliveryRepository repository = first.bean(DeliveryRepository.class);
        List<Long> due = repository.due(clock.instant(), clock.instant().minusSeconds(120), 50).stream()
                .map(DeliveryRepository.Due::id)
                .toList();
        assertThat(due).hasSize(5);
        for (long id : due.subList(0, 2)) {
            repository.claim(id, "first", clock.instant(), clock.instant().minusSeconds(120));
            repository.markSent(id, clock.instant());
        }
        assertThat(repository.claim(
                        due.get(2), "first", clock.instant(), clock.instant().minusSeconds(120)))
                .isTrue();
        first.close();

        AlertsHarness second = harness();
        assertThat(second.bean(DeliveryDispatcher.class).dispatchDue())
                .as("the claimed one waits for its claim to lapse")
                .isEqualTo(2);
        clock.advance(Duration.ofMinutes(3));
        assertThat(second.bean(DeliveryDispatcher.class).dispatchDue()).isEqualTo(1);
        assertThat(second.bean(DeliveryDispatcher.class).dispatchDue()).isZero();
        // the two recorded as sent by the first instance are not sent again
        assertThat(mail.getReceivedMessages()).hasSize(3);
        assertThat(second.jdbc()
                        .sql("select count(*) from alert_delivery where status = 'SENT'")
                        .query(Long.class)
                        .single())
                .isEqualTo(5);
    }
}
