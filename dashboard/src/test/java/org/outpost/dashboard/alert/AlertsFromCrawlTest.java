package org.outpost.dashboard.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.delivery.Delivery;
import org.outpost.alerts.delivery.DeliveryStatus;
import org.outpost.alerts.delivery.NotificationService;
import org.outpost.alerts.subscription.ChannelDefinition;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionDefinition;
import org.outpost.alerts.subscription.SubscriptionService;
import org.outpost.core.postgres.TestDatabases;
import org.outpost.crawler.SourceService;
import org.outpost.crawler.source.SourceDefinition;
import org.outpost.dashboard.ApiClient;
import org.outpost.dashboard.ConfirmationLinks;
import org.outpost.dashboard.OutpostAppTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole path in the running app: a fixture feed is crawled, its article indexed, matched
 * against a subscription, and delivered to a real SMTP server, a real webhook receiver and the
 * in-app inbox, each within 5 s of the match (timed by the delivery log's own clock).
 */
@Tag(TestDatabases.TAG)
class AlertsFromCrawlTest extends OutpostAppTest {

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate accountsJdbc;

    @Autowired
    SubscriptionService subscriptions;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired
    NotificationService notifications;

    @Autowired
    SourceService sources;

    HttpServer site;
    final List<String> hooks = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startSite() throws Exception {
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        String feed =
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Zarafshon wire</title><link>" + url("/")
                        + "</link><description>d</description>"
                        + "<item><title>Landslide closes Zarafshon road</title><link>" + url("/news/2026/11/landslide")
                        + "</link></item>"
                        + "<item><title>Cotton prices</title><link>" + url("/news/2026/11/cotton")
                        + "</link></item></channel></rss>";
        serve("/feed.xml", "application/rss+xml", feed);
        serve(
                "/news/2026/11/landslide",
                "text/html",
                page(
                        "Border guards close the Zarafshon valley road",
                        "Border guards closed the road through the Zarafshon valley after militants were seen near the border post,"
                                + " officials in Panjakent said on Monday; traffic to Uzbekistan is stopped until further notice."));
        serve(
                "/news/2026/11/cotton",
                "text/html",
                page(
                        "Cotton prices rise in Khatlon",
                        "Cotton prices rose in Khatlon province this week as the harvest ended and exporters bought the last lots."));
        site.createContext("/hook", exchange -> {
            hooks.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        site.start();
    }

    @AfterEach
    void stopSite() {
        site.stop(0);
    }

    @Test
    void anArticleCrawledFromAFeedReachesEmailWebhookAndInAppWithinFiveSeconds() throws Exception {
        Subscription s = subscriptions.create(
                org.outpost.dashboard.TestAccounts.ensure(accountsJdbc, "zarafshon-analyst"),
                SubscriptionDefinition.builder()
                        .name("Zarafshon border")
                        .query("Zarafshon AND border")
                        .frequency("instant")
                        .channels(List.of(
                                ChannelDefinition.email("zarafshon@example.org"),
                                ChannelDefinition.webhook(url("/hook"), "k3y", false),
                                ChannelDefinition.inApp()))
                        .spikeAlerts(false)
                        .paused(false)
                        .build());
        // the recipient confirms by the link of the one confirmation message (issue 15)
        MimeMessage confirmation = ConfirmationLinks.onlyTo("zarafshon@example.org");
        assertThat(ApiClient.anonymous(port)
                        .get(ConfirmationLinks.path(confirmation))
                        .statusCode())
                .isEqualTo(200);
        long source = sources.create(
                        new SourceDefinition(
                                "Zarafshon wire", "rss", url("/feed.xml"), "PT1H", "UTC", true, null, null, null, true),
                        new SourceService.Editor("admin", true))
                .id();
        sources.runNow(source);

        List<Delivery> log = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            log = notifications.log("zarafshon-analyst", s.id(), null, 10);
            if (log.size() == 3 && log.stream().allMatch(d -> d.status() == DeliveryStatus.SENT)) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(log).hasSize(3).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(d.stories())
                    .singleElement()
                    .satisfies(story ->
                            assertThat(story.title()).isEqualTo("Border guards close the Zarafshon valley road"));
            assertThat(Duration.between(d.createdAt(), d.sentAt()))
                    .as(d.channel())
                    .isLessThanOrEqualTo(Duration.ofSeconds(5));
        });
        MimeMessage[] mails = Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> recipient(m).equals("zarafshon@example.org"))
                .filter(m -> m != confirmation)
                .toArray(MimeMessage[]::new);
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject())
                .isEqualTo("[Outpost] Zarafshon border: Border guards close the Zarafshon valley road");
        assertThat(hooks)
                .singleElement()
                .asString()
                .contains("\"title\":\"Border guards close the Zarafshon valley road\"");
        assertThat(notifications.unread("zarafshon-analyst")).isEqualTo(1);
        System.out.printf(
                "crawl → alert: %s%n",
                log.stream()
                        .map(d -> d.channelType() + " "
                                + Duration.between(d.createdAt(), d.sentAt()).toMillis() + " ms")
                        .toList());
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + site.getAddress().getPort() + path;
    }

    private void serve(String path, String type, String body) {
        site.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }

    private static String page(String title, String text) {
        return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1><p>"
                + text + "</p><p>" + text + "</p></article></body></html>";
    }
}
