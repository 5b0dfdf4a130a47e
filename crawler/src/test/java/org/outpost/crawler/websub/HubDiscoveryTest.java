package org.outpost.crawler.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outpost.crawler.feed.FeedContent;
import org.outpost.crawler.feed.FeedReader;
import org.outpost.crawler.fetch.LinkHeader;

/** WebSub discovery (§4): where a feed says its hub and its self address are. */
class HubDiscoveryTest {

    private static final URI FEED = URI.create("https://news.example/feed.xml");

    @Test
    void linkHeadersNameTheHubAndTheSelfAddress() {
        List<String> headers = List.of(
                "<https://hub.example/>; rel=\"hub\", <https://news.example/feed.xml>; rel=\"self\"",
                "<https://news.example/>; rel=\"alternate\"");

        assertThat(LinkHeader.targets(headers, "hub", FEED)).containsExactly(URI.create("https://hub.example/"));
        assertThat(LinkHeader.targets(headers, "self", FEED))
                .containsExactly(URI.create("https://news.example/feed.xml"));
    }

    @Test
    void linkHeadersResolveRelativeTargetsAcceptUnquotedAndSeveralRelationsAndSkipOtherSchemes() {
        List<String> headers = List.of(
                "</hub>; rel=hub", "<https://second.example/>; title=\"x\"; rel=\"HUB self\"", "<ftp://x/>; rel=hub");

        assertThat(LinkHeader.targets(headers, "hub", FEED))
                .containsExactly(URI.create("https://news.example/hub"), URI.create("https://second.example/"));
        assertThat(LinkHeader.targets(headers, "self", FEED)).containsExactly(URI.create("https://second.example/"));
        assertThat(LinkHeader.targets(List.of("<https://a/>; rel=\"alternate\""), "hub", FEED))
                .isEmpty();
    }

    @Test
    void anAtomFeedNamesItsHubAndSelfInItsLinks() throws Exception {
        FeedContent feed = read("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Agency</title><id>urn:x</id>
                <updated>2026-03-03T08:00:00Z</updated>
                <link rel="hub" href="https://hub.example/"/>
                <link rel="self" href="https://news.example/atom.xml"/>
                <link href="https://news.example/"/>
                <entry><title>One</title><id>urn:1</id><updated>2026-03-03T08:00:00Z</updated>
                <link href="https://news.example/one"/></entry></feed>
                """);

        assertThat(feed.hubs()).containsExactly(URI.create("https://hub.example/"));
        assertThat(feed.self()).isEqualTo(URI.create("https://news.example/atom.xml"));
        assertThat(feed.entries()).hasSize(1);
    }

    @Test
    void anRssFeedNamesThemWithAtomLinks() throws Exception {
        FeedContent feed = read("""
                <?xml version="1.0"?>
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Agency</title>
                <link>https://news.example/</link><description>d</description>
                <atom:link rel="hub" href="https://hub.example/"/>
                <atom:link rel="hub" href="https://backup-hub.example/"/>
                <atom:link rel="self" href="/feed.xml" type="application/rss+xml"/>
                <item><title>One</title><link>https://news.example/one</link></item></channel></rss>
                """);

        assertThat(feed.hubs())
                .containsExactly(URI.create("https://hub.example/"), URI.create("https://backup-hub.example/"));
        assertThat(feed.self()).isEqualTo(FEED);
        assertThat(feed.entries()).hasSize(1);
    }

    @Test
    void aFeedWithoutAHubAdvertisesNone() throws Exception {
        FeedContent feed = read("""
                <?xml version="1.0"?>
                <rss version="2.0"><channel><title>Agency</title><link>https://news.example/</link>
                <description>d</description><item><title>One</title><link>https://news.example/one</link></item>
                </channel></rss>
                """);

        assertThat(feed.hubs()).isEmpty();
        assertThat(feed.self()).isNull();
    }

    private static FeedContent read(String xml) throws Exception {
        return new FeedReader().readFeed(xml.strip().getBytes(StandardCharsets.UTF_8), FEED);
    }
}
