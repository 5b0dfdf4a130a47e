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
        assertThat(content.sitemaps())
                .extracting(URI::toString)
                .containsExactly(
                        "https://news.example.tj/sitemap-2022-10.xml.gz",
                        "https://news.example.tj/sitemap-2022-11.xml.gz");
    }

    @Test
    void readsGzippedSitemaps() throws Exception {
        String xml = "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<url><loc>https://news.example.tj/a</loc></url></urlset>";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(xml.getBytes(StandardCharsets.UTF_8));
        }

        SitemapContent content = reader.read(
                bytes.toByteArray(), "application/gzip", URI.create("https://news.example.tj/sitemap.xml.gz"));

        assertThat(content.pages()).extracting(p -> p.uri().toString()).containsExactly("https://news.example.tj/a");
    }

    @Test
    void readsPlainTextSitemaps() throws Exception {
        SitemapContent content = reader.read(
                "https://news.example.tj/a\nhttps://news.example.tj/b\n".getBytes(StandardCharsets.UTF_8),
                "text/plain",
                URI.create("https://news.example.tj/sitemap.txt"));
        assertThat(content.pages()).hasSize(2);
    }

    @Test
    void malformedSitemapsGiveAClearError() {
        assertThatThrownBy(
                        () -> reader.read("<html>nope</html>".getBytes(StandardCharsets.UTF_8), "text/html", SITEMAP))
                .isInstanceOf(SitemapParseException.class)
                .hasMessageContaining(SITEMAP.toString());
        assertThatThrownBy(() -> reader.read(
                        new byte[] {0x1f, (byte) 0x8b, 1, 2, 3},
                        "application/gzip",
                        URI.create("https://news.example.tj/broken.xml.gz")))
                .isInstanceOf(SitemapParseException.class);
    }

    @Test
    void aBrokenSitemapReadLenientlyIsStillReportedWithWhereItBreaks() throws Exception {
        String broken = """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>https://news.example.tj/a-1</loc></url>
                  <url><loc>https://news.example.tj/a-2</lastmod></url>
                </urlset>
                """;

        SitemapContent content = reader.read(broken.getBytes(StandardCharsets.UTF_8), "application/xml", SITEMAP);

        assertThat(content.problem())
                .startsWith("is not well-formed XML (line 4")
                .contains("addresses kept");
        assertThat(content.pages()).extracting(p -> p.uri().toString()).contains("https://news.example.tj/a-1");
    }

    @Test
    void aGzippedSitemapThatGivesNothingIsReported() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(bytes)) {
            gzip.write("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 60; i++) { // 60 MB inflated, over the parser's 50 MB
                gzip.write(spaces);
            }
        }

        SitemapContent content =
                reader.read(bytes.toByteArray(), "application/gzip", URI.create("https://news.example.tj/bomb.xml.gz"));

        assertThat(content.pages()).isEmpty();
        assertThat(content.problem()).contains("gave no addresses");
    }

    @Test
    void wellFormedAndTextSitemapsHaveNoProblem() throws Exception {
        String ok = """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://news.example.tj/a</loc></url></urlset>
                """;
        assertThat(reader.read(ok.getBytes(StandardCharsets.UTF_8), "application/xml", SITEMAP)
                        .problem())
                .isNull();
        assertThat(reader.read(
                                "https://news.example.tj/a\n".getBytes(StandardCharsets.UTF_8),
                                "text/plain",
                                URI.create("https://news.example.tj/sitemap.txt"))
                        .problem())
                .isNull();
    }
}
