package org.outpost.benchmarks.workload;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a generated corpus the way news sites do, produced on request: {@code /sitemap.xml}
 * (an index of sitemaps of {@value #PER_SITEMAP} pages each), {@code /feed.xml} (RSS of the
 * newest 100), and one HTML page per article with a site's chrome around it. With several
 * sites, site k listens on loopback address 127.0.0.(k+1) and serves every article whose index
 * is k modulo the number of sites (a crawler is polite per host, so one site is crawled one page
 * at a time, several in parallel).
 */
public final class WorkloadServer implements AutoCloseable {

    static final int PER_SITEMAP = 1_000;
    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.RFC_1123_DATE_TIME.withZone(java.time.ZoneOffset.UTC);

    private final CorpusGenerator corpus;
    private final int sites;
    private final java.util.List<HttpServer> servers = new java.util.ArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    public WorkloadServer(CorpusGenerator corpus) {
        this(corpus, 1);
    }

    public WorkloadServer(CorpusGenerator corpus, int sites) {
        this.corpus = corpus;
        this.sites = sites;
        for (int k = 0; k < sites; k++) {
            int site = k;
            servers.add(LocalSite.listen("127.0.0." + (k + 1), 64, executor, exchange -> handle(exchange, site)));
        }
    }

    /** An address on the first site. */
    public String url(String path) {
        return url(0, path);
    }

    public String url(int site, String path) {
        return "http://127.0.0." + (site + 1) + ":"
                + servers.get(site).getAddress().getPort() + path;
    }

    public int sites() {
        return sites;
    }

    /** How many articles site k serves. */
    public int size(int site) {
        return (corpus.size() - site + sites - 1) / sites;
    }

    private void handle(HttpExchange exchange, int site) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try {
            if (path.equals("/robots.txt")) {
                LocalSite.send(
                        exchange,
                        200,
                        "text/plain",
                        "User-agent: *\nAllow: /\nSitemap: " + url(site, "/sitemap.xml") + "\n");
            } else if (path.equals("/sitemap.xml")) {
                LocalSite.send(exchange, 200, "application/xml", sitemapIndex(site));
            } else if (path.startsWith("/sitemaps/")) {
                int k = Integer.parseInt(path.substring("/sitemaps/".length(), path.length() - ".xml".length()));
                LocalSite.send(exchange, 200, "application/xml", sitemap(site, k));
            } else if (path.equals("/feed.xml")) {
                LocalSite.send(exchange, 200, "application/rss+xml", feed(site));
            } else if (path.startsWith("/news/") && path.endsWith(".html")) {
                int index =
                        Integer.parseInt(path.substring(path.lastIndexOf('/') + 1, path.length() - ".html".length()));
                if (index % sites != site) {
                    throw new IllegalArgumentException("article " + index + " is on another site");
                }
                LocalSite.send(exchange, 200, "text/html", page(corpus.article(index)));
            } else {
                LocalSite.send(exchange, 404, "text/plain", "not found");
            }
        } catch (RuntimeException e) {
            LocalSite.send(exchange, 404, "text/plain", "not found: " + e.getMessage());
        }
    }

    private String sitemapIndex(int site) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (int k = 0; k * PER_SITEMAP < size(site); k++) {
            xml.append("<sitemap><loc>")
                    .append(url(site, "/sitemaps/" + k + ".xml"))
                    .append("</loc></sitemap>\n");
        }
        return xml.append("</sitemapindex>\n").toString();
    }

    /** The k-th sitemap of a site: its articles number k × {@value #PER_SITEMAP} onwards. */
    private String sitemap(int site, int k) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        int to = Math.min(size(site), (k + 1) * PER_SITEMAP);
        for (int j = k * PER_SITEMAP; j < to; j++) {
            GeneratedArticle a = corpus.article(j * sites + site);
            xml.append("<url><loc>")
                    .append(url(site, a.path()))
                    .append("</loc><lastmod>")
                    .append(a.publishedAt())
                    .append("</lastmod></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    private String feed(int site) {
        StringBuilder xml =
                new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                        + "<title>Generated wire</title><link>" + url(site, "/")
                        + "</link><description>Generated news</description>\n");
        for (int j = size(site) - 1; j >= Math.max(0, size(site) - 100); j--) {
            GeneratedArticle a = corpus.article(j * sites + site);
            xml.append("<item><title>")
                    .append(LocalSite.escape(a.title()))
                    .append("</title><link>")
                    .append(url(site, a.path()))
                    .append("</link><pubDate>")
                    .append(RFC_1123.format(a.publishedAt()))
                    .append("</pubDate></item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    /** One article as a news site's HTML page: chrome (navigation, "most read", footer) around the story. */
    public static String page(GeneratedArticle a) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(LocalSite.escape(a.title()))
                .append(" | ")
                .append(LocalSite.escape(a.source()))
                .append("</title>")
                .append("<meta property=\"article:published_time\" content=\"")
                .append(a.publishedAt())
                .append("\">")
                .append(
                        "</head><body><header><nav><a href=\"/\">Home</a> <a href=\"/politics\">Politics</a> "
                                + "<a href=\"/economy\">Economy</a> <a href=\"/society\">Society</a></nav></header><main><article>")
                .append("<h1>")
                .append(LocalSite.escape(a.title()))
                .append("</h1><p class=\"byline\">By staff correspondent</p>")
                .append("<time datetime=\"")
                .append(a.publishedAt())
                .append("\"></time>");
        for (String paragraph : a.body().split("\n\n")) {
            html.append("<p>").append(LocalSite.escape(paragraph)).append("</p>");
        }
        return html.append("</article><aside><h3>Most read</h3><ul><li><a href=\"/x\">Weather this week</a></li>"
                        + "<li><a href=\"/y\">Exchange rates</a></li></ul></aside></main><footer>© ")
                .append(LocalSite.escape(a.source()))
                .append(". All rights reserved.</footer></body></html>")
                .toString();
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
        executor.shutdownNow();
    }
}
