package org.outpost.alerts.quiet;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.AlertsHarness;
import org.outpost.alerts.AlertsTestSupport;
import org.outpost.alerts.MailParts;
import org.outpost.alerts.QuietHours;
import org.outpost.alerts.ReaderProfiles;
import org.outpost.alerts.delivery.Delivery;
import org.outpost.alerts.delivery.DeliveryDispatcher;
import org.outpost.alerts.delivery.DeliveryKind;
import org.outpost.alerts.delivery.DeliveryStatus;
import org.outpost.alerts.delivery.NotificationService;
import org.outpost.alerts.delivery.Story;
import org.outpost.alerts.digest.DigestScheduler;
import org.outpost.alerts.subscription.ChannelDefinition;
import org.outpost.alerts.subscription.QuietMode;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionDefinition;
import org.outpost.alerts.subscription.SubscriptionService;
import org.outpost.core.article.Article;
import org.outpost.core.article.ArticleIndexed;
import org.outpost.core.postgres.TestDatabases;

/**
 * Quiet hours in delivery, against the real module: H2 (and PostgreSQL in the full build),
 * GreenMail, a clock the test moves. The owner's quiet hours come from a {@link ReaderProfiles}
 * of the test's, as the dashboard's profile gives them in the app.
 */
@Tag(TestDatabases.TAG)
class QuietHoursDeliveryTest extends AlertsTestSupport {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String OWNER = "aziza";
    private static final String ADDRESS = "aziza@example.org";

    private final Profiles profiles = new Profiles();

    /** The app's profiles, as the dashboard answers them: quiet hours per user, changeable during the test. */
    private static final class Profiles implements ReaderProfiles {
        final Map<String, QuietHours> quiet = new ConcurrentHashMap<>();

        @Override
        public Optional<String> confirmedEmail(String username) {
            return Optional.empty();
        }

        @Override
        public Optional<QuietHours> quietHours(String username) {
            return Optional.ofNullable(quiet.get(username));
        }
    }

    private void nightsOff() {
        profiles.quiet.put(OWNER, new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), false, BERLIN));
    }

    private static Subscription subscribe(AlertsHarness h, SubscriptionDefinition.Builder definition) {
        confirm(h, OWNER, ADDRESS);
        return h.bean(SubscriptionService.class)
                .create(
                        OWNER,
                        definition
                                .channels(List.of(ChannelDefinition.email(ADDRESS), ChannelDefinition.inApp()))
                                .spikeAlerts(false)
                                .paused(false)
                                .build());
    }

    private static SubscriptionDefinition.Builder instant(String name, String query) {
        return SubscriptionDefinition.builder().name(name).query(query).frequency("instant");
    }

    private Article match(AlertsHarness h, String title) {
        Article a = article(title, title + ", the border guards said.");
        h.indexed(a, ArticleIndexed.Change.NEW);
        return a;
    }

    private static int send(AlertsHarness h) {
        return h.bean(DeliveryDispatcher.class).dispatchDue();
    }

    private long unread(AlertsHarness h) {
        return h.bean(NotificationService.class).unread(OWNER);
    }

    @Test
    void instantMatchesInTheOwnersQuietHoursAreHeldAndGoOutAtTheirEndAsOneGroupedMessage() throws Exception {
        nightsOff();
        clock.set(Instant.parse("2026-11-19T22:00:00Z")); // Thursday 23:00 CET
        try (AlertsHarness h = harnessWithProfiles(profiles)) {
            Subscription s = subscribe(h, instant("Border", "border"));
            match(h, "Border clash near Vorukh");
            clock.set(Instant.parse("2026-11-20T01:30:00Z"));
            match(h, "Border post reopened");
            clock.set(Instant.parse("2026-11-20T04:10:00Z"));
            match(h, "Border talks resume");
            send(h);
            assertThat(mail.getReceivedMessages()).as("nothing in the night").isEmpty();
            assertThat(unread(h)).as("not even in the inbox").isZero();
            List<Delivery> held = h.bean(NotificationService.class).log(OWNER, s.id(), null, 10);
            assertThat(held)
                    .as("held, stored: one group per channel")
                    .hasSize(2)
                    .allSatisfy(d -> {
                        assertThat(d.kind()).isEqualTo(DeliveryKind.GROUPED);
                        assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
                        assertThat(d.nextAttemptAt()).isEqualTo(Instant.parse("2026-11-20T06:00:00Z"));
                        assertThat(d.stories()).hasSize(3);
                    });

            clock.set(Instant.parse("2026-11-20T05:59:59Z")); // 06:59:59 CET
            assertThat(send(h)).isZero();
            assertThat(mail.getReceivedMessages()).isEmpty();

            clock.set(Instant.parse("2026-11-20T06:00:00Z")); // 07:00 CET
            assertThat(send(h)).isEqualTo(2);
            MimeMessage[] received = mail.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getSubject()).isEqualTo("[Outpost] New matches for Border during your quiet hours");
            assertThat(MailParts.text(received[0]))
                    .contains("Border clash near Vorukh", "Border post reopened", "Border talks resume");
            assertThat(unread(h)).isEqualTo(1);

            // after the window a match goes out on its own again, at once
            match(h, "Border demarcation agreed");
            send(h);
            assertThat(mail.getReceivedMessages()).hasSize(2);
            assertThat(mail.getReceivedMessages()[1].getSubject())
                    .isEqualTo("[Outpost] Border: Border demarcation agreed");
        }
    }

    @Test
    void anUrgentAlertAndOneWithoutQuietHoursGoOutAtOnceInTheOwnersQuietHours() throws Exception {
        nightsOff();
        clock.set(Instant.parse("2026-11-19T23:00:00Z")); // midnight CET
        try (AlertsHarness h = harnessWithProfiles(profiles)) {
            subscribe(h, instant("Attacks", "attack").urgent(true));
            subscribe(h, instant("Floods", "flood").quietHours("none"));
            subscribe(h, instant("Trade", "trade"));
            match(h, "Attack on a border post");
            match(h, "Flood in the Vakhsh valley");
            match(h, "Trade fair opens");
            send(h);
            assertThat(mail.getReceivedMessages())
                    .extracting(MailParts::subject)
                    .containsExactlyInAnyOrder(
                            "[Outpost] Attacks: Attack on a border post",
                            "[Outpost] Floods: Flood in the Vakhsh valley");
        }
    }

    @Test
    void anAlertsOwnWindowTakesThePlaceOfTheOwnersInTheAlertsTimeZone() throws Exception {
        nightsOff();
        clock.set(Instant.parse("2026-11-19T23:00:00Z")); // midnight in Berlin, 04:00 in Dushanbe
        try (AlertsHarness h = harnessWithProfiles(profiles)) {
            Subscription s = subscribe(
                    h,
                    instant("Markets", "market")
                            .timezone("Asia/Dushanbe")
                            .quietHours("own")
                            .quietStart("12:00")
                            .quietEnd("14:00"));
            assertThat(s.quietMode()).isEqualTo(QuietMode.OWN);
            match(h, "Market prices rise");
            send(h);
            assertThat(mail.getReceivedMessages())
                    .as("the owner's night does not hold it")
                    .hasSize(1);

            clock.set(Instant.parse("2026-11-20T07:30:00Z")); // 12:30 in Dushanbe (UTC+5)
            match(h, "Market closed for the holiday");
            send(h);
            assertThat(mail.getReceivedMessages()).hasSize(1);
            clock.set(Instant.parse("2026-11-20T09:00:00Z")); // 14:00 in Dushanbe
            send(h);
            assertThat(mail.getReceivedMessages()).hasSize(2);
            assertThat(mail.getReceivedMessages()[1].getSubject())
                    .isEqualTo("[Outpost] New matches for Markets during your quiet hours");
        }
    }

    @Test
    void aMessagePlannedBeforeTheQuietHoursButDueInThemWaitsForTheirEnd() throws Exception {
        // a storm group started at 21:59 is due at 22:01: it waits for 07:00 as well
        nightsOff();
        clock.set(Instant.parse("2026-11-19T20:59:00Z")); // 21:59 CET
        try (AlertsHarness h = new AlertsHarness(
                database,
                index,
                clock,
                smtpPort(),
                Map.of("outpost.alerts.storm-threshold", "1", "outpost.alerts.storm-window", "2m"),
                null,
                null,
                profiles)) {
            subscribe(h, instant("Border", "border"));
            match(h, "Border clash one");
            match(h, "Border clash two");
            match(h, "Border clash three");
            send(h);
            assertThat(mail.getReceivedMessages())
                    .as("the first alone, the rest grouped")
                    .hasSize(1);
            clock.set(Instant.parse("2026-11-19T21:01:30Z")); // 22:01:30 CET
            send(h);
            assertThat(mail.getReceivedMessages())
                    .as("the storm group is due, but in quiet hours")
                    .hasSize(1);
            clock.set(Instant.parse("2026-11-20T06:00:00Z"));
            send(h);
            assertThat(mail.getReceivedMessages()).hasSize(2);
            assertThat(MailParts.text(mail.getReceivedMessages()[1]))
                    .contains("Border clash two", "Border clash three");
        }
    }

    /**
     * The owner's nights are quiet in Berlin; 29 March 2026 is the night the clocks go forward
     * (02:00 CET becomes 03:00 CEST). A daily digest at 06:00 local is put off to 07:00 local on
     * both sides of the change; an hourly digest's night becomes one message in the morning.
     */
    @Test
    void digestsDueInQuietHoursWaitForTheirEndAcrossADstChange() throws Exception {
        nightsOff();
        clock.set(Instant.parse("2026-03-27T12:00:00Z"));
        try (AlertsHarness h = harnessWithProfiles(profiles)) {
            Subscription daily = subscribe(
                    h,
                    SubscriptionDefinition.builder()
                            .name("Morning drugs")
                            .query("heroin")
                            .frequency("daily")
                            .time("06:00")
                            .timezone("Europe/Berlin"));
            DigestScheduler digests = h.bean(DigestScheduler.class);
            match(h, "Heroin seized in Khorog");

            clock.set(Instant.parse("2026-03-28T05:00:00Z")); // 06:00 CET, quiet
            assertThat(digests.sendDue()).isZero();
            assertThat(next(h, daily)).isEqualTo(Instant.parse("2026-03-28T06:00:00Z")); // 07:00 CET
            clock.set(Instant.parse("2026-03-28T05:59:59Z"));
            assertThat(digests.sendDue()).isZero();
            clock.set(Instant.parse("2026-03-28T06:00:00Z"));
            assertThat(digests.sendDue()).isEqualTo(1);
            send(h);
            assertThat(mail.getReceivedMessages()).hasSize(1);
            assertThat(next(h, daily))
                    .as("the next at its usual time")
                    .isEqualTo(Instant.parse("2026-03-29T04:00:00Z"));

            match(h, "Heroin route through Badakhshan");
            clock.set(Instant.parse("2026-03-29T04:00:00Z")); // 06:00 CEST, after the change, quiet
            assertThat(digests.sendDue()).isZero();
            assertThat(next(h, daily)).isEqualTo(Instant.parse("2026-03-29T05:00:00Z")); // 07:00 CEST
            clock.set(Instant.parse("2026-03-29T05:00:00Z"));
            assertThat(digests.sendDue()).isEqualTo(1);
            send(h);
            assertThat(mail.getReceivedMessages()).hasSize(2);
            assertThat(mail.getReceivedMessages()[1].getSubject())
                    .isEqualTo("[Outpost] daily digest: 1 new article for Morning drugs");
        }
    }

    @Test
    void anHourlyDigestsQuietNightIsOneDigestInTheMorningAcrossTheNightTheClocksGoBack() throws Exception {
        // Berlin, 25 October 2026: 03:00 CEST becomes 02:00 CET, the night lasts ten hours in UTC
        nightsOff();
        clock.set(Instant.parse("2026-10-24T19:30:00Z")); // 21:30 CEST
        try (AlertsHarness h = harnessWithProfiles(profiles)) {
            Subscription hourly = subscribe(
                    h,
                    SubscriptionDefinition.builder()
                            .name("Drugs hourly")
                            .query("heroin")
                            .frequency("hourly")
                            .time("00:00")
                            .timezone("Europe/Berlin"));
            DigestScheduler digests = h.bean(DigestScheduler.class);
            int planned = 0;
            String[] titles = {"Heroin one", "Heroin two", "Heroin three", "Heroin four"};
            int next = 0;
            int step = 0;
            // every half hour from 22:00 CEST to 07:00 CET, a match every two hours
            for (Instant t = Instant.parse("2026-10-24T20:00:00Z");
                    !t.isAfter(Instant.parse("2026-10-25T06:00:00Z"));
                    t = t.plus(Duration.ofMinutes(30)), step++) {
                clock.set(t);
                if (step % 4 == 1 && next < titles.length) {
                    match(h, titles[next++]);
                }
                planned += digests.sendDue();
                send(h);
            }
            assertThat(next).isEqualTo(titles.length);
            assertThat(planned).as("one digest, at 07:00 CET").isEqualTo(1);
            MimeMessage[] received = mail.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getSubject()).isEqualTo("[Outpost] hourly digest: 4 new articles for Drugs hourly");
            assertThat(next(h, hourly)).isEqualTo(Instant.parse("2026-10-25T07:00:00Z")); // 08:00 CET
        }
    }

    /**
     * The app stops at 03:00 with a night's matches held and starts again: what was held goes out
     * once at 07:00, with what came after the restart in the same message, and not again after
     * a second restart, nor twice when two instances reach the end of the window together.
     */
    @Test
    void aRestartInTheMiddleOfAHoldSendsItOnceAtTheEndWithWhatCameAfter() throws Exception {
        nightsOff();
        clock.set(Instant.parse("2026-11-19T22:00:00Z"));
        AlertsHarness first = harnessWithProfiles(profiles);
        subscribe(first, instant("Border", "border"));
        Article clash = match(first, "Border clash near Vorukh");
        match(first, "Border post reopened");
        send(first);
        first.close();

        clock.set(Instant.parse("2026-11-20T02:00:00Z")); // 03:00 CET
        AlertsHarness second = harnessWithProfiles(profiles);
        send(second);
        assertThat(mail.getReceivedMessages()).isEmpty();
        match(second, "Border talks resume");
        second.indexed(clash, ArticleIndexed.Change.NEW); // the crawler publishes it again after the restart
        send(second);
        assertThat(mail.getReceivedMessages()).isEmpty();
        AlertsHarness third = harnessWithProfiles(profiles); // a second instance on the same database

        clock.set(Instant.parse("2026-11-20T06:00:00Z"));
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService both = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> runs = List.of(
                    both.submit(() -> {
                        go.await();
                        return send(second);
                    }),
                    both.submit(() -> {
                        go.await();
                        return send(third);
                    }));
            go.countDown();
            int attempted = 0;
            for (var run : runs) {
                attempted += run.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertThat(attempted).as("email and in-app, each by one instance").isEqualTo(2);
        } finally {
            both.shutdown();
        }
        second.close();
        third.close();
        AlertsHarness fourth = harnessWithProfiles(profiles);
        clock.advance(Duration.ofHours(1));
        assertThat(send(fourth)).isZero();

        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        String text = MailParts.text(received[0]);
        assertThat(text).contains("Border clash near Vorukh", "Border post reopened", "Border talks resume");
        assertThat(text.split("Border clash near Vorukh", -1))
                .as("the story once")
                .hasSize(2);
        List<Delivery> log = fourth.bean(NotificationService.class).log(OWNER, null, null, 10);
        assertThat(log).hasSize(2).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(d.stories()).extracting(Story::title).hasSize(3);
        });
    }

    @Test
    void theQuietFieldsAreStoredReadBackAndChecked() {
        try (AlertsHarness h = harnessWithProfiles(profiles)) {
            Subscription s = subscribe(
                    h,
                    instant("Own", "border")
                            .timezone("Asia/Dushanbe")
                            .quietHours("OWN")
                            .quietStart("22:30")
                            .quietEnd("06:45")
                            .quietWeekends(true)
                            .urgent(false));
            Subscription read =
                    h.bean(SubscriptionService.class).get(s.id(), OWNER).orElseThrow();
            assertThat(read.quietMode()).isEqualTo(QuietMode.OWN);
            assertThat(read.quietStart()).isEqualTo(LocalTime.of(22, 30));
            assertThat(read.quietEnd()).isEqualTo(LocalTime.of(6, 45));
            assertThat(read.quietWeekends()).isTrue();
            assertThat(read.ownQuietHours())
                    .contains(new QuietHours(
                            LocalTime.of(22, 30), LocalTime.of(6, 45), true, ZoneId.of("Asia/Dushanbe")));
            SubscriptionDefinition back = read.toDefinition();
            assertThat(back.quietHours()).isEqualTo("own");
            assertThat(back.quietStart()).isEqualTo("22:30");

            h.bean(SubscriptionService.class)
                    .update(
                            s.id(),
                            OWNER,
                            back.toBuilder().quietHours("none").urgent(true).build());
            Subscription changed =
                    h.bean(SubscriptionService.class).get(s.id(), OWNER).orElseThrow();
            assertThat(changed.quietMode()).isEqualTo(QuietMode.NONE);
            assertThat(changed.urgent()).isTrue();
            assertThat(changed.ownQuietHours()).isEmpty();
            assertThat(changed.quietStart()).as("kept for the form").isEqualTo(LocalTime.of(22, 30));

            Subscription plain = subscribe(h, instant("Plain", "border"));
            assertThat(plain.quietMode()).as("the owner's by default").isEqualTo(QuietMode.USER);
            assertThat(plain.urgent()).isFalse();
        }
    }

    private static Instant next(AlertsHarness h, Subscription s) {
        return h.bean(SubscriptionService.class)
                .get(s.id(), OWNER)
                .orElseThrow()
                .nextDigestAt();
    }
}
