package org.outpost.dashboard.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.subscription.SubscriptionService;
import org.outpost.core.postgres.TestDatabases;
import org.outpost.dashboard.ApiClient;
import org.outpost.dashboard.OutpostAppTest;
import org.outpost.dashboard.TestSubscriptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.UserDetailsManager;

/**
 * An alert's feed at its private address, as a feed reader polls it. The matches are the rows the
 * matcher writes ({@code alert_match}), written here with chosen times so the feed's changes are
 * the test's, not the clock's.
 */
@Tag(TestDatabases.TAG)
class AlertFeedTest extends OutpostAppTest {

    private static final String PASSWORD = "secret-pass-1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    UserDetailsManager users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    SubscriptionService subscriptions;

    @Autowired
    JdbcTemplate jdbc;

    String owner;
    ApiClient api;
    long id;

    @BeforeEach
    void anAlert() {
        owner = "feeder-" + System.nanoTime();
        users.createUser(User.withUsername(owner)
                .password(passwords.encode(PASSWORD))
                .authorities(List.of(new SimpleGrantedAuthority("ROLE_VIEWER")))
                .build());
        api = ApiClient.as(port, owner, PASSWORD);
        id = subscriptions
                .create(owner, TestSubscriptions.instantInApp("Vorukh feed", "Vorukh"))
                .id();
    }

    @Test
    void theFeedListsTheAlertsMatchesNewestFirstAndAnswers304ToAReaderWhoseCopyIsCurrent() throws Exception {
        HttpResponse<String> on = api.post("/api/v1/subscriptions/" + id + "/feed", "{}");
        assertThat(on.statusCode()).as(on.body()).isEqualTo(201);
        String atom = ApiClient.json(on).path("atom").asText();
        String rss = ApiClient.json(on).path("rss").asText();
        assertThat(atom).matches(".*/feeds/[A-Za-z0-9_-]{43}\\.atom");
        match("story-1", "Clash near Vorukh", "https://asiaplus.example/1", "2026-11-20T09:00:00Z");
        match("story-2", "Vorukh <road> & bridge reopened", "https://asiaplus.example/2", "2026-11-20T10:00:00Z");

        HttpResponse<String> first = get(atom, null, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        SyndFeed feed = parse(first.body());
        assertThat(feed.getTitle()).isEqualTo("Outpost · Vorukh feed");
        assertThat(feed.getEntries())
                .extracting(SyndEntry::getTitle)
                .containsExactly("Vorukh <road> & bridge reopened", "Clash near Vorukh");
        assertThat(feed.getEntries().getFirst().getLink()).isEqualTo("https://asiaplus.example/2");
        assertThat(first.body()).doesNotContain("<road>");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache");

        HttpResponse<String> byTag = get(atom, etag, null);
        assertThat(byTag.statusCode()).isEqualTo(304);
        assertThat(byTag.body()).isEmpty();
        assertThat(get(atom, null, lastModified).statusCode()).isEqualTo(304);

        match("story-3", "Vorukh talks resume", "https://asiaplus.example/3", "2026-11-20T11:00:00Z");
        HttpResponse<String> changed = get(atom, etag, lastModified);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        assertThat(parse(changed.body()).getEntries()).hasSize(3);

        HttpResponse<String> asRss =
                get(rss, changed.headers().firstValue("ETag").orElseThrow(), null);
        assertThat(asRss.statusCode())
                .as("the RSS copy is another representation")
                .isEqualTo(200);
        assertThat(asRss.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/rss+xml");
        assertThat(parse(asRss.body()).getFeedType()).isEqualTo("rss_2.0");
        assertThat(parse(asRss.body()).getEntries()).hasSize(3);
    }

    @Test
    void aReplacedOrRevokedAddressAnswers404AndOnlyTheOwnerManagesTheFeed() throws Exception {
        assertThat(api.get("/api/v1/subscriptions/" + id + "/feed").statusCode())
                .as("off at first")
                .isEqualTo(404);
        String old = ApiClient.json(api.post("/api/v1/subscriptions/" + id + "/feed", "{}"))
                .path("atom")
                .asText();
        JsonNode renewed = ApiClient.json(api.post("/api/v1/subscriptions/" + id + "/feed", "{}"));
        String current = renewed.path("atom").asText();
        assertThat(current).isNotEqualTo(old);
        assertThat(get(old, null, null).statusCode()).isEqualTo(404);
        assertThat(get(current, null, null).statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(api.get("/api/v1/subscriptions/" + id + "/feed"))
                        .path("atom")
                        .asText())
                .as("the owner can copy the address again")
                .isEqualTo(current);

        String other = "other-" + System.nanoTime();
        users.createUser(User.withUsername(other)
                .password(passwords.encode(PASSWORD))
                .authorities(List.of(new SimpleGrantedAuthority("ROLE_ANALYST")))
                .build());
        ApiClient stranger = ApiClient.as(port, other, PASSWORD);
        assertThat(stranger.get("/api/v1/subscriptions/" + id + "/feed").statusCode())
                .isEqualTo(404);
        assertThat(stranger.post("/api/v1/subscriptions/" + id + "/feed", "{}").statusCode())
                .isEqualTo(404);
        assertThat(stranger.delete("/api/v1/subscriptions/" + id + "/feed").statusCode())
                .isEqualTo(404);
        assertThat(get(current, null, null).statusCode()).isEqualTo(200);

        assertThat(api.delete("/api/v1/subscriptions/" + id + "/feed").statusCode())
                .isEqualTo(204);
        assertThat(get(current, null, null).statusCode()).isEqualTo(404);
        assertThat(get(current.replace(".atom", ".rss"), null, null).statusCode())
                .isEqualTo(404);
        assertThat(get("http://localhost:" + port + "/feeds/nonsense.atom", null, null)
                        .statusCode())
                .as("no sign-in page for a feed reader")
                .isEqualTo(404);
    }

    private void match(String storyId, String title, String url, String at) {
        jdbc.update(
                "insert into alert_match (subscription_id, story_id, article_id, title, url, source, dated_at,"
                        + " matched_at, digested) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                storyId,
                storyId,
                title,
                url,
                "Asia-Plus",
                Timestamp.from(Instant.parse(at)),
                Timestamp.from(Instant.parse(at)),
                true);
    }

    private HttpResponse<String> get(String url, String ifNoneMatch, String ifModifiedSince) throws Exception {
        // the address names the public URL's host; the test's server listens on its own port
        URI uri = URI.create(url);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + uri.getRawPath()));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        if (ifModifiedSince != null) {
            request.header("If-Modified-Since", ifModifiedSince);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static SyndFeed parse(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }
}
