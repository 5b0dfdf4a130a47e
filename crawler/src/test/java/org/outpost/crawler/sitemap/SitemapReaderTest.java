package org.outpost.crawler.sitemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class SitemapReaderTest {

    private static final URI SITEMAP = URI.create("https://news.example.tj/sitemap.xml");
    private final SitemapReader reader = new SitemapReader();

    @Test
    void readsANewsSitemapWithTitlesAndPublicationDates() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                  <url><loc>https://news.example.tj/en/news/1</loc>
                    <news:news><news:publication><news:name>Example</news:name><news:language>en</news:language></news:publication>
                      <news:publication_date>2022-10-20T09:23:00+05:00</news:publication_date>
                      <news:title>CARICC at the Dushanbe conference</news:title></news:news></url>
                  <url><loc>https://news.example.tj/en/news/2</loc><lastmod>2022-10-18</lastmod></url>
                </urlset>
                """;

        SitemapContent content = reader.read(xml.getBytes(StandardCharsets.UTF_8), "application/xml", SITEMAP);

        assertThat(content.isIndex()).isFalse();
        assertThat(content.pages()).hasSize(2);
        assertThat(content.pages().get(0).title()).isEqualTo("CARICC at the Dushanbe conference");
        assertThat(content.pages().get(0).published()).isEqualTo(Instant.parse("2022-10-20T04:23:00Z"));
        assertThat(content.pages().get(1).uri()).isEqualTo(URI.create("https://news.example.tj/en/news/2"));
        assertThat(content.pages().get(1).published()).isNotNull();
    }

    @Test
    void readsASitemapIndexAsFurtherSitemaps() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>https://news.example.tj/sitemap-2022-10.xml.gz</loc></sitemap>
                  <sitemap><loc>https://news.example.tj/sitemap-2022-11.xml.gz</loc></sitemap>
                </sitemapindex>
                """;

        SitemapContent content = reader.read(xml.getBytes(StandardCharsets.UTF_8), "text/xml", SITEMAP);

        assertThat(content.isIndex()).isTrue();
        assertThat(content.sitemaps()).extracting(URI::toString)
                .containsExactly("https://news.example.tj/sitemap-2022-10.xml.gz", "https://news.example.tj/sitemap-2022-11.xml.gz");
    }

    @Test
    void readsGzippedSitemaps() throws Exception {
        String xml = "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<url><loc>https://news.example.tj/a</loc></url></urlset>";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(xml.getBytes(StandardCharsets.UTF_8));
        }

        SitemapContent content = reader.read(bytes.toByteArray(), "application/gzip",
                URI.create("https://news.example.tj/sitemap.xml.gz"));

        assertThat(content.pages()).extracting(p -> p.uri().toString()).containsExactly("https://news.example.tj/a");
    }

    @Test
    void readsPlainTextSitemaps() throws Exception {
        SitemapContent content = reader.read("https://news.example.tj/a\nhttps://news.example.tj/b\n".getBytes(StandardCharsets.UTF_8),
                "text/plain", URI.create("https://news.example.tj/sitemap.txt"));
        assertThat(content.pages()).hasSize(2);
    }

    @Test
    void malformedSitemapsGiveAClearError() {
        assertThatThrownBy(() -> reader.read("<html>nope</html>".getBytes(StandardCharsets.UTF_8), "text/html", SITEMAP))
                .isInstanceOf(SitemapParseException.class).hasMessageContaining(SITEMAP.toString());
        assertThatThrownBy(() -> reader.read(new byte[] {0x1f, (byte) 0x8b, 1, 2, 3}, "application/gzip",
                URI.create("https://news.example.tj/broken.xml.gz")))
                .isInstanceOf(SitemapParseException.class);
    }
}
