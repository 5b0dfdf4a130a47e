package org.outpost.alerts.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.alerts.AlertsHarness;
import org.outpost.alerts.AlertsProperties;
import org.outpost.alerts.AlertsTestSupport;
import org.outpost.alerts.delivery.DeliveryDispatcher;
import org.outpost.alerts.delivery.NotificationService;
import org.outpost.core.article.ArticleIndexed;
import org.outpost.core.postgres.TestDatabases;

/** Webhook URLs and secrets are unreadable in the database and in logs, and readable again after a restart. */
@Tag(TestDatabases.TAG)
class SecretsAtRestTest extends AlertsTestSupport {

    private static final String SLACK = "https://hooks.slack.com/services/T000/B000/XyZsecretPathQ1w2";

    @Test
    void theDatabaseHoldsNeitherTheUrlNorTheSecretAndARestartReadsThem() {
        Subscription saved;
        try (AlertsHarness h = harness()) {
            saved = subscribe(
                    h,
                    "aziza",
                    "Hooks",
                    "border",
                    List.of(
                            ChannelDefinition.webhook(SLACK, null, true),
                            ChannelDefinition.webhook(
                                    "https://receiver.example/hook?token=abc123", "s3cret-value", false)));
            String column = h.jdbc()
                    .sql("select channels from alert_subscription where id = ?")
                    .param(saved.id())
                    .query(String.class)
                    .single();
            assertThat(column)
                    .doesNotContain("hooks.slack.com")
                    .doesNotContain("XyZsecretPath")
                    .doesNotContain("abc123")
                    .doesNotContain("s3cret-value")
                    .contains("enc:v1:");
        }
        try (AlertsHarness restarted = harness()) {
            Subscription read = restarted
                    .bean(SubscriptionRepository.class)
                    .find(saved.id())
                    .orElseThrow();
            assertThat(read.channels())
                    .containsExactly(
                            new Channel.Webhook(SLACK, null, true),
                            new Channel.Webhook("https://receiver.example/hook?token=abc123", "s3cret-value", false));
        }
    }

    @Test
    void valuesWrittenBeforeEncryptionAreReadAndEncryptedAtStart() {
        long id;
        try (AlertsHarness h = harness()) {
            id = subscribe(h, "aziza", "Hooks", "border", List.of(ChannelDefinition.inApp()))
                    .id();
            // as an earlier version stored it, with a delivery under the old key
            h.jdbc()
                    .sql("update alert_subscription set channels = ? where id = ?")
                    .params(
                            "[{\"type\":\"webhook\",\"url\":\"" + SLACK
                                    + "\",\"secret\":\"old-secret\",\"slack\":true}]",
                            id)
                    .update();
            h.jdbc()
                    .sql("insert into alert_delivery (subscription_id, owner, channel, kind, title, status, attempts,"
                            + " next_attempt_at, created_at) values (?, 'aziza', ?, 'INSTANT', 'Old', 'SENT', 1,"
                            + " current_timestamp, current_timestamp)")
                    .params(id, "webhook:" + SLACK)
                    .update();
        }
        try (AlertsHarness restarted = harness()) {
            String column = restarted
                    .jdbc()
                    .sql("select channels from alert_subscription where id = ?")
                    .param(id)
                    .query(String.class)
                    .single();
            assertThat(column).doesNotContain("hooks.slack.com").doesNotContain("old-secret");
            assertThat(restarted
                            .bean(SubscriptionRepository.class)
                            .find(id)
                            .orElseThrow()
                            .channels())
                    .containsExactly(new Channel.Webhook(SLACK, "old-secret", true));
            assertThat(restarted
                            .jdbc()
                            .sql("select channel from alert_delivery where subscription_id = ?")
                            .param(id)
                            .query(String.class)
                            .single())
                    .startsWith("webhook:https://hooks.slack.com/…/Q1w2 #")
                    .doesNotContain("XyZsecretPath");
        }
    }

    @Test
    void aWrongKeyIsAClearErrorNamingTheSettingAndTheRestStillWorks() throws Exception {
        long id;
        try (AlertsHarness h = harness()) {
            id = subscribe(
                            h,
                            "aziza",
                            "Hooks",
                            "border",
                            List.of(
                                    ChannelDefinition.webhook(webhook.url(), "s3cret", false),
                                    ChannelDefinition.inApp()))
                    .id();
        }
        String otherKey = Base64.getEncoder().encodeToString(new byte[32]);
        try (AlertsHarness wrong = harness(Map.of("outpost.alerts.secret-key", otherKey))) {
            Subscription read =
                    wrong.bean(SubscriptionRepository.class).find(id).orElseThrow();
            assertThat(read.channels()).hasSize(2).contains(new Channel.InApp());
            wrong.indexed(article("Border closed", "The border was closed."), ArticleIndexed.Change.NEW);
            wrong.bean(DeliveryDispatcher.class).dispatchDue();
            assertThat(webhook.arrivals()).isZero();
            assertThat(wrong.bean(NotificationService.class).log("aziza", id, null, 5))
                    .anySatisfy(d -> assertThat(d.lastError()).contains("outpost.alerts.secret-key"))
                    .anySatisfy(d -> assertThat(d.channel()).isEqualTo("inapp"));
        }
        SecretCipher cipher = new SecretCipher(new byte[32]);
        assertThatThrownBy(() -> new SecretCipher(new byte[16] /* another key */).decrypt(cipher.encrypt("x")))
                .isInstanceOf(SecretCipher.UndecryptableException.class)
                .hasMessageContaining("outpost.alerts.secret-key");
    }

    @Test
    void theLogOfAFailedWebhookNamesTheHostOnly() throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (AlertsHarness h = harness(Map.of("outpost.alerts.max-attempts", "1"))) {
            String url = webhook.url() + "/private-path?key=query-secret";
            webhook.answer(500);
            subscribe(h, "aziza", "Hooks", "border", List.of(ChannelDefinition.webhook(url, "sig-secret", true)));
            h.indexed(article("Border closed", "The border was closed."), ArticleIndexed.Change.NEW);
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                h.bean(DeliveryDispatcher.class).dispatchDue();
            } finally {
                System.setOut(out);
            }
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("failed for good").contains("127.0.0.1");
        assertThat(log)
                .doesNotContain("private-path")
                .doesNotContain("query-secret")
                .doesNotContain("sig-secret");
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedIntoTheDataFolderForTheOwnerOnly(@TempDir Path data) throws Exception {
        AlertsProperties none = new AlertsProperties(
                null, null, null, null, null, null, null, null, false, null, null, null, null, null, null, null, null,
                null, null, null);
        String sealed = new SecretCipher(none, data).encrypt("https://hooks.slack.com/x");
        Path key = data.resolve("alerts-secret.key");
        assertThat(Files.getPosixFilePermissions(key))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(new SecretCipher(none, data).decrypt(sealed)).isEqualTo("https://hooks.slack.com/x");
    }
}
