package org.outpost.alerts.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.AlertsHarness;
import org.outpost.alerts.AlertsTestSupport;
import org.outpost.alerts.MailParts;
import org.outpost.alerts.delivery.Delivery;
import org.outpost.alerts.delivery.DeliveryDispatcher;
import org.outpost.alerts.delivery.DeliveryStatus;
import org.outpost.alerts.delivery.NotificationService;
import org.outpost.core.article.ArticleIndexed;
import org.outpost.core.postgres.TestDatabases;

/** An email address gets one confirmation message and no alert until its recipient follows the link. */
@Tag(TestDatabases.TAG)
class EmailConfirmationsTest extends AlertsTestSupport {

    private static final Pattern LINK = Pattern.compile("https://outpost\\.example/confirm/([A-Za-z0-9_-]+)");

    @Test
    void aNewAddressGetsOneConfirmationAndNoAlertUntilItConfirms() throws Exception {
        try (AlertsHarness h = harness()) {
            Subscription s =
                    subscribe(h, "aziza", "Border", "border", List.of(ChannelDefinition.email("Desk@NGO.example")));
            assertThat(mail.getReceivedMessages()).hasSize(1);
            MimeMessage confirmation = mail.getReceivedMessages()[0];
            assertThat(confirmation.getAllRecipients()[0].toString()).isEqualTo("desk@ngo.example");
            assertThat(MailParts.subject(confirmation))
                    .contains("Confirm Outpost alerts")
                    .contains("Подтвердите");
            String body = body(confirmation);
            assertThat(body).contains("aziza").contains("7 days").contains("7 дн.");

            // a match: no alert, the log says why
            h.indexed(article("Border closed", "The border was closed at dawn."), ArticleIndexed.Change.NEW);
            h.bean(DeliveryDispatcher.class).dispatchDue();
            assertThat(mail.getReceivedMessages()).hasSize(1);
            NotificationService log = h.bean(NotificationService.class);
            assertThat(log.log("aziza", s.id(), null, 5))
                    .singleElement()
                    .extracting(Delivery::status)
                    .isEqualTo(DeliveryStatus.UNCONFIRMED);

            // saving again, or a second subscription to the same address, asks nobody again
            subscribe(h, "aziza", "Drugs", "heroin", List.of(ChannelDefinition.email("desk@ngo.example")));
            h.bean(EmailConfirmations.class).sendPending();
            assertThat(mail.getReceivedMessages()).hasSize(1);
            EmailConfirmations confirmations = h.bean(EmailConfirmations.class);
            assertThat(confirmations.state("aziza", "desk@ngo.example")).isEqualTo(EmailConfirmations.State.WAITING);

            EmailConfirmations.Result result = confirmations.confirm(token(body));
            assertThat(result.outcome()).isEqualTo(EmailConfirmations.Outcome.CONFIRMED);
            assertThat(result.owner()).isEqualTo("aziza");
            assertThat(result.address()).isEqualTo("desk@ngo.example");
            assertThat(confirmations.state("aziza", "desk@ngo.example")).isEqualTo(EmailConfirmations.State.CONFIRMED);

            // from now on matching articles are emailed, to both subscriptions' address
            h.indexed(article("Border reopened", "The border was reopened."), ArticleIndexed.Change.NEW);
            h.indexed(article("Heroin seized", "Guards seized heroin."), ArticleIndexed.Change.NEW);
            h.bean(DeliveryDispatcher.class).dispatchDue();
            assertThat(mail.getReceivedMessages()).hasSize(3);
            assertThat(java.util.Arrays.stream(mail.getReceivedMessages()).map(MailParts::subject))
                    .anySatisfy(subject -> assertThat(subject).contains("Border reopened"))
                    .anySatisfy(subject -> assertThat(subject).contains("Heroin seized"));

            // a third subscription to the confirmed address sends no confirmation
            subscribe(h, "aziza", "Opium", "opium", List.of(ChannelDefinition.email("desk@ngo.example")));
            assertThat(mail.getReceivedMessages()).hasSize(3);
        }
    }

    @Test
    void theLinkOfAnotherOwnerDoesNotConfirmMine() throws Exception {
        try (AlertsHarness h = harness()) {
            subscribe(h, "mallory", "Border", "border", List.of(ChannelDefinition.email("desk@ngo.example")));
            subscribe(h, "aziza", "Border", "border", List.of(ChannelDefinition.email("desk@ngo.example")));
            assertThat(mail.getReceivedMessages()).hasSize(2);
            String mallorys = token(body(mail.getReceivedMessages()[0]));
            EmailConfirmations confirmations = h.bean(EmailConfirmations.class);

            assertThat(confirmations.confirm(mallorys).owner()).isEqualTo("mallory");
            assertThat(confirmations.isConfirmed("mallory", "desk@ngo.example")).isTrue();
            assertThat(confirmations.isConfirmed("aziza", "desk@ngo.example")).isFalse();
            assertThat(confirmations.confirm("not-a-token").outcome()).isEqualTo(EmailConfirmations.Outcome.UNKNOWN);
        }
    }

    @Test
    void anExpiredLinkSaysSoAndTheOwnerMayResendAfterTheCoolDown() throws Exception {
        try (AlertsHarness h = harness()) {
            subscribe(h, "aziza", "Border", "border", List.of(ChannelDefinition.email("desk@ngo.example")));
            String first = token(body(mail.getReceivedMessages()[0]));
            EmailConfirmations confirmations = h.bean(EmailConfirmations.class);
            assertThat(confirmations.resend("aziza", "desk@ngo.example"))
                    .as("not within the cool-down")
                    .isFalse();
            assertThat(mail.getReceivedMessages()).hasSize(1);

            clock.advance(Duration.ofDays(8));
            EmailConfirmations.Result expired = confirmations.confirm(first);
            assertThat(expired.outcome()).isEqualTo(EmailConfirmations.Outcome.EXPIRED);
            assertThat(confirmations.isConfirmed("aziza", "desk@ngo.example")).isFalse();

            assertThat(confirmations.resend("aziza", "desk@ngo.example")).isTrue();
            assertThat(mail.getReceivedMessages()).hasSize(2);
            String second = token(body(mail.getReceivedMessages()[1]));
            assertThat(confirmations.confirm(first).outcome())
                    .as("the new link replaces the old")
                    .isEqualTo(EmailConfirmations.Outcome.UNKNOWN);
            assertThat(confirmations.confirm(second).outcome()).isEqualTo(EmailConfirmations.Outcome.CONFIRMED);
            assertThat(confirmations.resend("aziza", "desk@ngo.example"))
                    .as("nothing to resend once confirmed")
                    .isFalse();
        }
    }

    private static String body(MimeMessage message) throws Exception {
        return message.getContent() instanceof String plain ? plain : MailParts.text(message);
    }

    private static String token(String body) {
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as("a link in: " + body).isTrue();
        return m.group(1);
    }
}
