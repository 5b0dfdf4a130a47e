package org.outpost.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class PublicationDateTest {

    private static final URI PAGE = URI.create("https://news.example.tj/en/news/some-story");

    @Test
    void jsonLdWinsOverEverythingElseIncludingInAGraph() {
        String html = """
                <html><head>
                <meta property="article:published_time" content="2022-10-21T10:00:00Z">
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                  {"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2022-10-20T09:23:00+05:00"}]}</script>
                </head><body><time datetime="2022-10-22">22 Oct</time></body></html>""";

        var found = PublicationDate.find(Jsoup.parse(html), PAGE).orElseThrow();

        assertThat(found.instant()).isEqualTo(Instant.parse("2022-10-20T04:23:00Z"));
        assertThat(found.origin()).isEqualTo(PublicationDate.Origin.JSON_LD);
    }

    @Test
    void fallsBackInOrderOpenGraphMetaTimeThenUrl() {
        assertThat(PublicationDate.find(Jsoup.parse("""
                <head><script type="application/ld+json">{ broken json</script>
                <meta property="article:published_time" content="2022-10-21T10:00:00+00:00"></head>"""), PAGE))
                .hasValueSatisfying(f -> assertThat(f.origin()).isEqualTo(PublicationDate.Origin.OPEN_GRAPH));
        assertThat(PublicationDate.find(
                        Jsoup.parse("<head><meta name=\"DC.date.issued\" content=\"2022-10-19\"></head>"), PAGE))
                .hasValueSatisfying(f -> {
                    assertThat(f.origin()).isEqualTo(PublicationDate.Origin.META);
                    assertThat(f.instant()).isEqualTo(Instant.parse("2022-10-19T00:00:00Z"));
                });
        assertThat(PublicationDate.find(
                        Jsoup.parse("<p>Posted <time datetime=\"2022-10-18T08:00\">yesterday</time></p>"), PAGE))
                .hasValueSatisfying(f -> assertThat(f.origin()).isEqualTo(PublicationDate.Origin.TIME_ELEMENT));
        assertThat(PublicationDate.find(Jsoup.parse("<p>text</p>"), URI.create("https://x.tj/2022/10/17/story")))
                .hasValueSatisfying(f -> {
                    assertThat(f.origin()).isEqualTo(PublicationDate.Origin.URL);
                    assertThat(f.instant()).isEqualTo(Instant.parse("2022-10-17T00:00:00Z"));
                });
    }

    @Test
    void noDateAnywhereIsEmptyAndNonsenseIsIgnored() {
        assertThat(PublicationDate.find(Jsoup.parse("<p>On March 14 parliament passed the law.</p>"), PAGE))
                .isEmpty();
        assertThat(PublicationDate.find(
                        Jsoup.parse("<meta name=\"date\" content=\"soon\"><time datetime=\"later\"></time>"),
                        URI.create("https://x.tj/2022/13/45/story")))
                .isEmpty();
    }

    @Test
    void aSpaceInsteadOfTheTIsReadWithItsTime() {
        assertThat(PublicationDate.parse("2024-11-26 08:41:30Z")).isEqualTo(Instant.parse("2024-11-26T08:41:30Z"));
        assertThat(PublicationDate.parse("2024-11-26 08:41:30+05:00")).isEqualTo(Instant.parse("2024-11-26T03:41:30Z"));
    }
}
