package org.outpost.benchmarks.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.outpost.benchmarks.workload.GeneratedArticle;
import org.outpost.benchmarks.workload.WorkloadServer;

/** The bytes of the hostile inputs: each a function of its kind and number, so a rerun serves the same. */
final class HostileBodies {

    private static final long BOMB_INFLATED = 1L << 30; // 1 GiB
    private static byte[] htmlBomb;
    private static byte[] xmlBomb;

    private HostileBodies() {}

    static byte[] randomBytes(long seed, int size) {
        byte[] bytes = new byte[size];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    /** A real article page cut at 40 %: mid-paragraph, often mid-tag, nothing closed. */
    static byte[] truncated(GeneratedArticle a) {
        String page = WorkloadServer.page(a);
        return page.substring(0, page.length() * 2 / 5).getBytes(StandardCharsets.UTF_8);
    }

    /** Even n: UTF-16LE (a NUL after every ASCII byte); odd n: Cyrillic in windows-1251. Both claim UTF-8. */
    static byte[] lyingCharset(GeneratedArticle a, int n) {
        String page = WorkloadServer.page(a);
        if (n % 2 == 0) {
            return page.getBytes(StandardCharsets.UTF_16LE);
        }
        String cyrillic = page.replace("<h1>", "<h1>Пограничники задержали нарушителей. ")
                .replace(
                        "</article>",
                        "<p>Сотрудники пограничной службы задержали нарушителей границы вблизи Хорога.</p></article>");
        return cyrillic.getBytes(Charset.forName("windows-1251"));
    }

    static byte[] overSize(long bytes) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>Huge</title></head><body><article>");
        String paragraph = "<p>" + "Border guards detained violators near the river. ".repeat(40) + "</p>\n";
        while (html.length() < bytes) {
            html.append(paragraph);
        }
        return html.append("</article></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** 1 MB of gzip that inflates to 1 GiB of spaces inside an HTML body. */
    static synchronized byte[] htmlGzipBomb() {
        if (htmlBomb == null) {
            htmlBomb = gzipBomb("<!DOCTYPE html><html><head><title>Bomb</title></head><body><p>");
        }
        return htmlBomb;
    }

    /** A well-formed sitemap start, then 1 GiB of whitespace: a streaming parser reads it all unless it stops itself. */
    static synchronized byte[] xmlGzipBomb() {
        if (xmlBomb == null) {
            xmlBomb = gzipBomb(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        }
        return xmlBomb;
    }

    private static byte[] gzipBomb(String prefix) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2 << 20);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16)) {
            gzip.write(prefix.getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (long written = 0; written < BOMB_INFLATED; written += spaces.length) {
                gzip.write(spaces);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] hugeLinkCount() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>Links</title></head><body><ul>");
        for (int i = 0; i < 100_000; i++) {
            html.append("<li><a href=\"/x/").append(i).append("\">").append(i).append("</a></li>");
        }
        return html.append("</ul></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] deepNesting(GeneratedArticle a) {
        String page = WorkloadServer.page(a);
        int depth = 20_000;
        String open = "<div>".repeat(depth);
        String close = "</div>".repeat(depth);
        return page.replace("<main>", "<main>" + open)
                .replace("</main>", close + "</main>")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] nulBytes(GeneratedArticle a) {
        String page = WorkloadServer.page(a);
        return page.replace("<title>", "<title>\u0000Null\u0000")
                .replace("<h1>", "<h1>\u0000")
                .replace(". ", ".\u0000 ")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] absurdDates(GeneratedArticle a) {
        String page = WorkloadServer.page(a);
        String published = a.publishedAt().toString();
        return page.replace("content=\"" + published + "\"", "content=\"+99999-01-01T00:00:00Z\"")
                .replace("<time datetime=\"" + published + "\">", "<time datetime=\"2999-12-31T23:59:59Z\">")
                .replace(
                        "</head>",
                        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":"
                                + "\"0001-01-01T00:00:00Z\"}</script></head>")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] scriptInTitle(GeneratedArticle a) {
        String page = WorkloadServer.page(a);
        return page.replaceFirst("<title>", "<title><script>alert('title')</script><img src=x onerror=alert(1)>")
                .replace("<h1>", "<h1><script>alert('h1')</script><img src=x onerror=alert(2)>")
                .replaceFirst(
                        "<p>",
                        "<p><script>document.write('<b>injected</b>')</script><iframe src=\"javascript:alert(3)\"></iframe>")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] png(int n) {
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        byte[] bytes = randomBytes(n, 4096);
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    /** A page with the text of an article but no title of its own: the feed item's (hostile) title is all there is. */
    static byte[] untitled(GeneratedArticle a) {
        StringBuilder html =
                new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><article>");
        for (String paragraph : a.body().split("\n\n")) {
            html.append("<p>")
                    .append(paragraph.replace("&", "&amp;").replace("<", "&lt;"))
                    .append("</p>");
        }
        return html.append("</article></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    static String rss(String title, String items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>" + title
                + "</title><link>http://example.invalid/</link><description>d</description>\n" + items
                + "</channel></rss>\n";
    }

    static String item(String escapedTitle, String link, String pubDate) {
        return "<item><title>" + escapedTitle + "</title><link>" + link + "</link><pubDate>" + pubDate
                + "</pubDate></item>\n";
    }

    static byte[] overSizeFeed(long bytes) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; items.length() < bytes; i++) {
            items.append(item(
                    "Item " + i + " " + "padding ".repeat(50),
                    "http://example.invalid/" + i,
                    "Mon, 01 Jan 2024 00:00:00 GMT"));
        }
        return rss("Huge", items.toString()).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] overSizeSitemap(long bytes) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (int i = 0; xml.length() < bytes; i++) {
            xml.append("<url><loc>http://example.invalid/news/").append(i).append(".html</loc></url>\n");
        }
        return xml.append("</urlset>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static final String XXE_FEED =
            "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                    + "<rss version=\"2.0\"><channel><title>&xxe;</title><link>http://example.invalid/</link><description>d</description>"
                    + "<item><title>&xxe;</title><link>http://example.invalid/1</link></item></channel></rss>";

    static final String XXE_SITEMAP =
            "<?xml version=\"1.0\"?>\n<!DOCTYPE urlset [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                    + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>http://example.invalid/&xxe;</loc></url></urlset>";

    static final String BILLION_LAUGHS = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
            + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
            + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
            + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
            + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
            + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
            + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>\n"
            + "<rss version=\"2.0\"><channel><title>&lol9;</title><link>http://example.invalid/</link><description>d</description>"
            + "</channel></rss>";

    static final String INVALID_FEED = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Broken</title>"
            + "<item><title>Unclosed <b>bold</title><link>http://example.invalid/1</item></channel></rsss>";

    static final String INVALID_SITEMAP =
            "<?xml version=\"1.0\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                    + "<url><loc>http://example.invalid/1</url></loc><url><loc>";

    static final String HTML_PAGE = "<!DOCTYPE html><html><head><title>Not a feed</title></head><body><h1>Welcome</h1>"
            + "<p>This site has no feed.</p></body></html>";
}
