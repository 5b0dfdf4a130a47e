package org.outpost.crawler.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedReaderTest {

    private static final URI FEED = URI.create("https://news.example.tj/rss/security.xml");
    private final FeedReader reader = new FeedReader();

    @Test
    void readsRss2ItemsWithResolvedLinksDatesAndSummaries() throws Exception {
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Security</title><link>https://news.example.tj/</link>
                  <item><title>  Border guards seize
                      heroin </title><link>/en/news/1234</link>
                    <pubDate>Thu, 20 Oct 2022 09:23:00 +0500</pubDate>
                    <description>&lt;p&gt;40 kg near Panj&lt;/p&gt;</description><guid>n-1234</guid></item>
                  <item><title>No link</title></item>
                  <item><title>Duplicate</title><link>https://news.example.tj/en/news/1234</link></item>
                  <item><title>Mail link</title><link>mailto:editor@example.tj</link></item>
                </channel></rss>
                """;

        List<FeedEntry> entries = reader.read(rss.getBytes(StandardCharsets.UTF_8), FEED);

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.link()).isEqualTo(URI.create("https://news.example.tj/en/news/1234"));
            assertThat(e.title()).isEqualTo("Border guards seize heroin");
            assertThat(e.published()).isEqualTo(Instant.parse("2022-10-20T04:23:00Z"));
            assertThat(e.summary()).contains("40 kg near Panj");
            assertThat(e.guid()).isEqualTo("n-1234");
        });
    }

    @Test
    void markupInTitlesAndImpossibleDatesAreDropped() throws Exception {
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Security</title><link>https://news.example.tj/</link>
                  <item><title>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;Border &lt;b&gt;post&lt;/b&gt; opens</title>
                    <link>/en/news/1</link><pubDate>Tue, 31 Dec 2999 23:59:59 GMT</pubDate></item>
                </channel></rss>
                """;

        List<FeedEntry> entries = reader.read(rss.getBytes(StandardCharsets.UTF_8), FEED);

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Border post opens");
            assertThat(e.published()).isNull();
        });
    }

    @Test
    void readsAtomEntriesFallingBackToTheUpdatedDate() throws Exception {
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>OSCE</title><id>urn:x</id><updated>2022-10-19T10:00:00Z</updated>
                  <entry><title>Border management course in Dushanbe</title>
                    <link href="https://osce.example.org/news/77"/><id>urn:77</id>
                    <updated>2022-10-19T10:00:00Z</updated><author><name>Press office</name></author></entry>
                </feed>
                """;

        List<FeedEntry> entries = reader.read(atom.getBytes(StandardCharsets.UTF_8), FEED);

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.link().toString()).isEqualTo("https://osce.example.org/news/77");
            assertThat(e.published()).isEqualTo(Instant.parse("2022-10-19T10:00:00Z"));
            assertThat(e.author()).isEqualTo("Press office");
        });
    }

    @Test
    void honoursTheDeclaredEncodingOfACyrillicFeed() throws Exception {
        String rss = """
                <?xml version="1.0" encoding="windows-1251"?>
                <rss version="2.0"><channel><title>Новости</title><link>https://x.tj/</link>
                  <item><title>Пограничники задержали контрабандистов</title><link>https://x.tj/1</link></item>
                </channel></rss>
                """;

        List<FeedEntry> entries = reader.read(rss.getBytes(Charset.forName("windows-1251")), FEED);

        assertThat(entries.getFirst().title()).isEqualTo("Пограничники задержали контрабандистов");
    }

    @Test
    void readsAWindows1251FeedThatDeclaresNoEncoding() throws Exception {
        String rss = """
                <?xml version="1.0"?>
                <rss version="2.0"><channel><title>Новости</title><link>https://x.tj/</link>
                  <item><title>Пограничники задержали контрабандистов на реке Пяндж</title><link>https://x.tj/2</link>
                  <description>В Хатлонской области задержаны трое граждан, пытавшихся переправить через границу партию наркотиков.</description>
                  <pubDate>Mon, 16 Nov 2026 09:15:00 +0500</pubDate></item>
                </channel></rss>
                """;

        List<FeedEntry> entries = reader.read(rss.getBytes(Charset.forName("windows-1251")), FEED);

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.title()).isEqualTo("Пограничники задержали контрабандистов на реке Пяндж");
            assertThat(entry.summary()).startsWith("В Хатлонской области задержаны трое граждан");
            assertThat(entry.published()).isEqualTo(java.time.Instant.parse("2026-11-16T04:15:00Z"));
        });
    }

    @Test
    void malformedOrNonFeedBytesGiveAClearErrorNotAnException() {
        assertThatThrownBy(() -> reader.read("<rss><channel><item>".getBytes(StandardCharsets.UTF_8), FEED))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining(FEED.toString());
        assertThatThrownBy(() ->
                        reader.read("<html><body>Not a feed</body></html>".getBytes(StandardCharsets.UTF_8), FEED))
                .isInstanceOf(FeedParseException.class);
        assertThatThrownBy(() -> reader.read(new byte[0], FEED)).isInstanceOf(FeedParseException.class);
    }

    @Test
    void refusesDoctypesSoEntityExpansionBombsCannotRun() {
        String bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <rss version="2.0"><channel><title>&lol3;</title><link>https://x/</link></channel></rss>
                """;
        assertThatThrownBy(() -> reader.read(bomb.getBytes(StandardCharsets.UTF_8), FEED))
                .isInstanceOf(FeedParseException.class);
    }
}
