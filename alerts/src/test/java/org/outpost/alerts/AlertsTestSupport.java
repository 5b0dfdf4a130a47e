package org.outpost.alerts;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.outpost.alerts.subscription.ChannelDefinition;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionDefinition;
import org.outpost.alerts.subscription.SubscriptionService;
import org.outpost.core.article.Article;
import org.outpost.core.elasticsearch.TestElasticsearch;
import org.outpost.core.index.ArticleIndex;

/** A fresh database, index, mail server and webhook receiver per test. */
public abstract class AlertsTestSupport {

    protected final String database = "alerts" + UUID.randomUUID().toString().replace("-", "");
    protected final ArticleIndex index = new ArticleIndex(
            TestElasticsearch.connection().client(),
            "alerts-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));
    protected final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    protected GreenMail mail = startMail(0);
    protected final WebhookReceiver webhook = new WebhookReceiver();
    private final List<AutoCloseable> open = new java.util.ArrayList<>();

    protected AlertsTestSupport() {
        index.ensureExists();
    }

    protected static GreenMail startMail(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    protected int smtpPort() {
        return mail.getSmtp().getPort();
    }

    protected AlertsHarness harness() {
        return harness(Map.of());
    }

    protected AlertsHarness harness(Map<String, Object> properties) {
        return harness(properties, clock);
    }

    /** With the app's reader languages. */
    protected AlertsHarness harness(ReaderLanguages readers) {
        AlertsHarness h = new AlertsHarness(database, index, clock, smtpPort(), Map.of(), readers);
        open.add(h);
        return h;
    }

    /** With the app's account states (whose owners are disabled). */
    protected AlertsHarness harnessWithAccounts(AccountStates accounts) {
        AlertsHarness h = new AlertsHarness(database, index, clock, smtpPort(), Map.of(), null, accounts);
        open.add(h);
        return h;
    }

    /** With the app's reader profiles (whose quiet hours are when). */
    protected AlertsHarness harnessWithProfiles(ReaderProfiles profiles) {
        AlertsHarness h = new AlertsHarness(database, index, clock, smtpPort(), Map.of(), null, null, profiles);
        open.add(h);
        return h;
    }

    /** With the system clock, for tests that time what happens. */
    protected AlertsHarness harness(Map<String, Object> properties, java.time.Clock clockToUse) {
        AlertsHarness h = new AlertsHarness(database, index, clockToUse, smtpPort(), properties);
        open.add(h);
        return h;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        mail.stop();
        webhook.close();
    }

    /** What the recipient's click on the confirmation link does, for tests about something else. */
    protected static void confirm(AlertsHarness h, String owner, String address) {
        // portable SQL: the tests run on H2 and PostgreSQL, which spell an upsert differently
        String lower = address.toLowerCase(Locale.ROOT);
        h.jdbc()
                .sql("delete from alert_email_confirmation where owner = ? and address = ?")
                .params(owner, lower)
                .update();
        h.jdbc()
                .sql("insert into alert_email_confirmation (owner, address, created_at, confirmed_at)"
                        + " values (?, ?, current_timestamp, current_timestamp)")
                .params(owner, lower)
                .update();
    }

    /** Subscribes with every email address confirmed first, as the tests of delivering assume. */
    protected static Subscription subscribeConfirmed(
            AlertsHarness h, String owner, String name, String query, List<ChannelDefinition> channels) {
        channels.stream()
                .filter(c -> "email".equals(c.type()) && c.address() != null)
                .forEach(c -> confirm(h, owner, c.address()));
        return subscribe(h, owner, name, query, channels);
    }

    protected static Subscription subscribe(
            AlertsHarness h, String owner, String name, String query, List<ChannelDefinition> channels) {
        return h.bean(SubscriptionService.class)
                .create(
                        owner,
                        SubscriptionDefinition.builder()
                                .name(name)
                                .query(query)
                                .frequency("instant")
                                .channels(channels)
                                .spikeAlerts(false)
                                .paused(false)
                                .build());
    }

    protected Article article(String title, String body) {
        return Article.builder("Asia-Plus", title, body)
                .url("https://asiaplus.example/" + UUID.randomUUID())
                .publishedAt(clock.instant())
                .language("en")
                .build();
    }

    /** Indexes and classifies nothing: topics are given. */
    protected static Article withTopics(Article a, Map<String, Double> scores) {
        return a.withClassification(
                scores,
                scores.entrySet().stream()
                        .filter(e -> e.getValue() >= 0.3)
                        .map(Map.Entry::getKey)
                        .toList(),
                List.of("country:Tajikistan"));
    }
}
