package org.outpost.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class CanonicalUrlTest {

    private static final URI PAGE = URI.create("https://news.example.tj/en/news/1234?utm_source=feed&id=7#comments");

    @Test
    void prefersTheCanonicalLinkResolvedAgainstThePage() {
        var page = Jsoup.parse("<head><link rel=\"canonical\" href=\"/en/news/1234-border-guards?utm_medium=x\">"
                + "<meta property=\"og:url\" content=\"https://other.example/og\"></head>");
        assertThat(CanonicalUrl.of(page, PAGE))
                .isEqualTo(URI.create("https://news.example.tj/en/news/1234-border-guards"));
    }

    @Test
    void fallsBackToOpenGraphThenThePageWithoutTracking() {
        assertThat(CanonicalUrl.of(
                        Jsoup.parse("<meta property=\"og:url\" content=\"https://news.example.tj/a?fbclid=1\">"), PAGE))
                .isEqualTo(URI.create("https://news.example.tj/a"));
        assertThat(CanonicalUrl.of(Jsoup.parse("<link rel=\"canonical\" href=\"javascript:void(0)\">"), PAGE))
                .isEqualTo(URI.create("https://news.example.tj/en/news/1234?id=7"));
    }

    @Test
    void keepsMeaningfulParametersInOrder() {
        assertThat(CanonicalUrl.withoutTracking(URI.create("https://x.tj/view?b=2&utm_campaign=c&a=1&gclid=z")))
                .isEqualTo(URI.create("https://x.tj/view?b=2&a=1"));
    }

    @Test
    void dropsClickIdsCountersAndChannelMarkersButNotParametersThatNameTheArticle() {
        assertThat(
                        CanonicalUrl.withoutTracking(
                                URI.create(
                                        "https://x.kz/news/77?utm_source=rss&utm_medium=feed&from=rss&yclid=9&_openstat=abc&ysclid=q1")))
                .isEqualTo(URI.create("https://x.kz/news/77"));
        assertThat(CanonicalUrl.withoutTracking(URI.create("https://x.kz/read.php?id=77&from=yxnews&ref=telegram")))
                .isEqualTo(URI.create("https://x.kz/read.php?id=77"));
        // "from" and "source" that are not a channel are part of the address (a date range, a section)
        assertThat(CanonicalUrl.withoutTracking(URI.create("https://x.kz/archive?from=2024-01-01&source=akorda")))
                .isEqualTo(URI.create("https://x.kz/archive?from=2024-01-01&source=akorda"));
    }

    @Test
    void aCanonicalLinkToTheHomePageIsATemplateDefaultAndIgnored() {
        var page = Jsoup.parse("<head><link rel=\"canonical\" href=\"https://news.example.tj/\"></head>");

        assertThat(CanonicalUrl.of(page, PAGE)).isEqualTo(URI.create("https://news.example.tj/en/news/1234?id=7"));
    }
}
