package org.outpost.benchmarks.workload;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a generated corpus the way news sites do, produced on request: {@code /sitemap.xml}
 * (an index of sitemaps of {@value #PER_SITEMAP} pages each), {@code /feed.xml} (RSS of the
 * newest 100), and one HTML page per article with a site's chrome around it.
 */
public final class WorkloadServer implements AutoCloseable {

    static final int PER_SITEMAP = 1_000;
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(java.time.ZoneOffset.UTC);

    private final CorpusGenerator corpus;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    public WorkloadServer(CorpusGenerator corpus) {
        this.corpus = corpus;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try {
            if (path.equals("/robots.txt")) {
                send(exchange, 200, "text/plain", "User-agent: *\nAllow: /\nSitemap: " + url("/sitemap.xml") + "\n");
            } else if (path.equals("/sitemap.xml")) {
                send(exchange, 200, "application/xml", sitemapIndex());
            } else if (path.startsWith("/sitemaps/")) {
                int k = Integer.parseInt(path.substring("/sitemaps/".length(), path.length() - ".xml".length()));
                send(exchange, 200, "application/xml", sitemap(k));
            } else if (path.equals("/feed.xml")) {
                send(exchange, 200, "application/rss+xml", feed());
            } else if (path.startsWith("/news/") && path.endsWith(".html")) {
                int index = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1, path.length() - ".html".length()));
                send(exchange, 200, "text/html", page(corpus.article(index)));
            } else {
                send(exchange, 404, "text/plain", "not found");
            }
        } catch (RuntimeException e) {
            send(exchange, 404, "text/plain", "not found: " + e.getMessage());
        }
    }

    private String sitemapIndex() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (int k = 0; k * PER_SITEMAP < corpus.size(); k++) {
            xml.append("<sitemap><loc>").append(url("/sitemaps/" + k + ".xml")).append("</loc></sitemap>\n");
        }
        return xml.append("</sitemapindex>\n").toString();
    }

    private String sitemap(int k) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        int to = Math.min(corpus.size(), (k + 1) * PER_SITEMAP);
        for (int i = k * PER_SITEMAP; i < to; i++) {
            GeneratedArticle a = corpus.article(i);
            xml.append("<url><loc>").append(url(a.path())).append("</loc><lastmod>").append(a.publishedAt())
                    .append("</lastmod></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    private String feed() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>Generated wire</title><link>" + url("/") + "</link><description>Generated news</description>\n");
        for (int i = corpus.size() - 1; i >= Math.max(0, corpus.size() - 100); i--) {
            GeneratedArticle a = corpus.article(i);
            xml.append("<item><title>").append(escape(a.title())).append("</title><link>").append(url(a.path()))
                    .append("</link><pubDate>").append(RFC_1123.format(a.publishedAt())).append("</pubDate></item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    static String page(GeneratedArticle a) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(a.title())).append(" | ").append(escape(a.source())).append("</title>")
                .append("<meta property=\"article:published_time\" content=\"").append(a.publishedAt()).append("\">")
                .append("</head><body><header><nav><a href=\"/\">Home</a> <a href=\"/politics\">Politics</a> "
                        + "<a href=\"/economy\">Economy</a> <a href=\"/society\">Society</a></nav></header><main><article>")
                .append("<h1>").append(escape(a.title())).append("</h1><p class=\"byline\">By staff correspondent</p>")
                .append("<time datetime=\"").append(a.publishedAt()).append("\"></time>");
        for (String paragraph : a.body().split("\n\n")) {
            html.append("<p>").append(escape(paragraph)).append("</p>");
        }
        return html.append("</article><aside><h3>Most read</h3><ul><li><a href=\"/x\">Weather this week</a></li>"
                        + "<li><a href=\"/y\">Exchange rates</a></li></ul></aside></main><footer>© ")
                .append(escape(a.source())).append(". All rights reserved.</footer></body></html>").toString();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
