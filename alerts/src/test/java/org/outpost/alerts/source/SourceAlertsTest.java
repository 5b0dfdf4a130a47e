package org.outpost.alerts.source;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.AlertsHarness;
import org.outpost.alerts.AlertsTestSupport;
import org.outpost.alerts.QuietHours;
import org.outpost.alerts.ReaderLanguages;
import org.outpost.alerts.ReaderProfiles;
import org.outpost.alerts.SourceHealthReaders;
import org.outpost.core.postgres.TestDatabases;
import org.outpost.core.source.SourceHealthChanged;
import org.outpost.core.source.SourceHealthChanged.Problem;
import org.outpost.core.source.SourceHealthChanged.State;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Source alerts against the real module: an H2 database, GreenMail for email, the change
 * published in a transaction as the crawler does and heard after its commit.
 */
@Tag(TestDatabases.TAG)
class SourceAlertsTest extends AlertsTestSupport {

    private static final Instant LAST_ARTICLE = Instant.parse("2026-11-17T06:00:00Z");

    /** analyst and admin follow source health; only the analyst confirmed an address; admin reads Russian. */
    private AlertsHarness start(Set<String> disabled) {
        return start(disabled, Optional.empty());
    }

    /** As above, the analyst keeping these quiet hours. */
    private AlertsHarness start(Set<String> disabled, Optional<QuietHours> analystQuiet) {
        AlertsHarness h = new AlertsHarness(
                database,
                index,
                clock,
                smtpPort(),
                Map.of(),
                (ReaderLanguages) user -> user.equals("admin") ? Locale.forLanguageTag("ru") : Locale.ENGLISH,
                owner -> !disabled.contains(owner),
                c -> {
                    c.registerBean(SourceHealthReaders.class, () -> () -> List.of("analyst", "admin", "retired"));
                    c.registerBean(ReaderProfiles.class, () -> new ReaderProfiles() {
                        @Override
                        public Optional<String> confirmedEmail(String username) {
                            return username.equals("analyst") ? Optional.of("analyst@example.org") : Optional.empty();
                        }

                        @Override
                        public Optional<QuietHours> quietHours(String username) {
                            return username.equals("analyst") ? analystQuiet : Optional.empty();
                        }
                    });
                });
        return h;
    }

    @Test
    void aSilentSourceIsToldOnceToEveryActiveFollowerInOutpostAndByEmailAndItsRecoveryToo() throws Exception {
        try (AlertsHarness h = start(Set.of("retired"))) {
            SourceAlerts alerts = h.bean(SourceAlerts.class);
            SourceHealthChanged silent = change(State.RAISED);

            publish(h, silent);
            publish(h, silent); // the registry delivers it again after a restart

            assertThat(alerts.notices("analyst", 10)).singleElement().satisfies(n -> {
                assertThat(n.problem()).isEqualTo(Problem.SILENT);
                assertThat(n.state()).isEqualTo(State.RAISED);
                assertThat(n.emailStatus()).isEqualTo("SENT");
                assertThat(alerts.title(n, Locale.ENGLISH)).isEqualTo("Source \u201cAsia Wire\u201d is silent");
                assertThat(alerts.text(n, Locale.ENGLISH))
                        .isEqualTo("No article from Asia Wire since 17 Nov 2026 06:00 UTC;"
                                + " it usually publishes every 6 hours.");
            });
            assertThat(alerts.notices("admin", 10)).singleElement().satisfies(n -> {
                assertThat(n.emailStatus()).as("no confirmed address").isEqualTo("NONE");
                assertThat(alerts.title(n, Locale.forLanguageTag("ru"))).isEqualTo("Источник «Asia Wire» молчит");
                assertThat(alerts.text(n, Locale.forLanguageTag("ru"))).contains("каждые 6 часов");
            });
            assertThat(alerts.notices("retired", 10)).as("a disabled account").isEmpty();
            assertThat(alerts.unread("analyst")).isEqualTo(1);

            MimeMessage[] sent = mail.getReceivedMessages();
            assertThat(sent).singleElement().satisfies(m -> {
                assertThat(m.getAllRecipients()[0].toString()).isEqualTo("analyst@example.org");
                assertThat(m.getSubject()).isEqualTo("Source \u201cAsia Wire\u201d is silent");
                assertThat(String.valueOf(m.getContent())).contains("https://outpost.example/sources");
            });

            publish(h, change(State.RECOVERED));
            assertThat(alerts.notices("analyst", 10))
                    .extracting(SourceNotice::state)
                    .containsExactly(State.RECOVERED, State.RAISED);
            assertThat(mail.getReceivedMessages()).hasSize(2);
            assertThat(mail.getReceivedMessages()[1].getSubject())
                    .isEqualTo("Source \u201cAsia Wire\u201d publishes again");

            assertThat(alerts.markRead("analyst", null)).isEqualTo(2);
            assertThat(alerts.unread("analyst")).isZero();
            assertThat(alerts.unread("admin")).isEqualTo(2);
        }
    }

    @Test
    void anEmailTheServerRefusesIsTriedAgainAndSentOnce() throws Exception {
        try (AlertsHarness h = start(Set.of())) {
            int port = smtpPort();
            mail.stop();
            publish(h, change(State.RAISED));
            SourceAlerts alerts = h.bean(SourceAlerts.class);
            assertThat(alerts.notices("analyst", 10))
                    .singleElement()
                    .satisfies(n -> assertThat(n.emailStatus()).isEqualTo("PENDING"));

            mail = startMail(port);
            SourceNoticeMailer mailer = h.bean(SourceNoticeMailer.class);
            assertThat(mailer.sendDue()).isEqualTo(1);
            assertThat(mailer.sendDue()).isZero();
            assertThat(mail.getReceivedMessages()).hasSize(1);
        }
    }

    @Test
    void anEmailDueInTheRecipientsQuietHoursIsSentOnceAtTheirEndAlsoAfterARestart() throws Exception {
        ZoneId dushanbe = ZoneId.of("Asia/Dushanbe");
        Optional<QuietHours> night =
                Optional.of(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), false, dushanbe));
        clock.set(ZonedDateTime.of(2026, 11, 20, 23, 0, 0, 0, dushanbe).toInstant());
        try (AlertsHarness h = start(Set.of(), night)) {
            publish(h, change(State.RAISED));
            SourceAlerts alerts = h.bean(SourceAlerts.class);
            assertThat(alerts.notices("analyst", 10))
                    .as("told in Outpost at once, the email waiting")
                    .singleElement()
                    .satisfies(n -> assertThat(n.emailStatus()).isEqualTo("PENDING"));
            assertThat(alerts.unread("analyst")).isEqualTo(1);

            clock.set(ZonedDateTime.of(2026, 11, 21, 6, 59, 0, 0, dushanbe).toInstant());
            assertThat(h.bean(SourceNoticeMailer.class).sendDue()).isZero();
            assertThat(mail.getReceivedMessages()).isEmpty();
        }
        clock.set(ZonedDateTime.of(2026, 11, 21, 7, 0, 0, 0, dushanbe).toInstant());
        try (AlertsHarness h = start(Set.of(), night)) {
            SourceNoticeMailer mailer = h.bean(SourceNoticeMailer.class);
            assertThat(mailer.sendDue()).isEqualTo(1);
            assertThat(mailer.sendDue()).isZero();
            assertThat(mail.getReceivedMessages())
                    .singleElement()
                    .satisfies(
                            m -> assertThat(m.getAllRecipients()[0].toString()).isEqualTo("analyst@example.org"));
            assertThat(h.bean(SourceAlerts.class).notices("analyst", 10))
                    .singleElement()
                    .satisfies(n -> assertThat(n.emailStatus()).isEqualTo("SENT"));
        }
    }

    @Test
    void aFailingSourceSaysHowManyRunsFailedAndWhy() {
        try (AlertsHarness h = start(Set.of())) {
            publish(
                    h,
                    new SourceHealthChanged(
                            8,
                            "Asia Wire",
                            Problem.FAILING,
                            State.RAISED,
                            clock.instant(),
                            LAST_ARTICLE,
                            null,
                            3,
                            "the feed could not be read: 404"));
            SourceAlerts alerts = h.bean(SourceAlerts.class);
            SourceNotice notice = alerts.notices("admin", 10).getFirst();
            assertThat(alerts.text(notice, Locale.ENGLISH))
                    .isEqualTo("3 runs of Asia Wire in a row failed (since 17 Nov 2026 06:00 UTC)."
                            + " Last error: the feed could not be read: 404");
            assertThat(alerts.text(notice, Locale.forLanguageTag("ru"))).startsWith("3 запуска Asia Wire подряд");
        }
    }

    private SourceHealthChanged change(State state) {
        return new SourceHealthChanged(
                7, "Asia Wire", Problem.SILENT, state, clock.instant(), LAST_ARTICLE, Duration.ofHours(6), 0, null);
    }

    /** As the crawler does: in its transaction; the listener hears it after the commit. */
    private static void publish(AlertsHarness h, SourceHealthChanged change) {
        new TransactionTemplate(h.bean(PlatformTransactionManager.class))
                .executeWithoutResult(tx -> h.context.publishEvent(change));
    }
}
