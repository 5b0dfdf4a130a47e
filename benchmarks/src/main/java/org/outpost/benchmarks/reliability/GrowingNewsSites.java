package org.outpost.benchmarks.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.outpost.benchmarks.workload.CorpusGenerator;
import org.outpost.benchmarks.workload.GeneratedArticle;
import org.outpost.benchmarks.workload.LocalSite;
import org.outpost.benchmarks.workload.WorkloadServer;

/**
 * News sites that keep publishing: site k (on loopback address 127.0.0.(k+1)) has
 * {@code backlog} articles at the start and one more every {@code every}, so a crawler polling
 * it finds new articles on each visit, as it would on a live site. Each site offers the three
 * ways Outpost discovers articles: {@code /feed.xml} (RSS, newest {@value #WINDOW}),
 * {@code /sitemap.xml} (every published article) and {@code /latest.html} (a listing page of the
 * newest {@value #WINDOW} links). Article j of site k is corpus article j × sites + k, dated when
 * the site published it.
 */
final class GrowingNewsSites implements AutoCloseable {

    /** How many newest items feeds and listing pages show; polls must come before this many new ones. */
    static final int WINDOW = 50;

    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.RFC_1123_DATE_TIME.withZone(java.time.ZoneOffset.UTC);

    private final CorpusGenerator corpus;
    private final int backlog;
    private final Duration every;
    private final Instant start;
    private final Clock clock;
    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final SiteRequestLog requests;

    GrowingNewsSites(int sites, int backlog, Duration every, Clock clock) {
        this(sites, backlog, every, clock, new SiteRequestLog());
    }

    /** @param requests where every answered request is recorded (who fetched what, and when) */
    GrowingNewsSites(int sites, int backlog, Duration every, Clock clock, SiteRequestLog requests) {
        this.requests = requests;
        this.backlog = backlog;
        this.every = every;
        this.clock = clock;
        this.start = clock.instant();
        // enough articles for a day of publishing, far more than any soak needs
        this.corpus = CorpusGenerator.standard(
                sites * (backlog + (int) (Duration.ofDays(1).toMillis() / every.toMillis())), start);
        for (int k = 0; k < sites; k++) {
            int site = k;
            servers.add(LocalSite.listen("127.0.0." + (k + 1), 64, executor, exchange -> {
                Instant at = clock.instant();
                try {
                    handle(exchange, site);
                } finally {
                    requests.record(
                            at,
                            url(site, ""),
                            exchange.getRequestURI().getPath(),
                            exchange.getResponseCode(),
                            exchange.getRequestHeaders().getFirst("User-Agent"));
                }
            }));
        }
    }

    int sites() {
        return servers.size();
    }

    String url(int site, String path) {
        return "http://127.0.0." + (site + 1) + ":"
                + servers.get(site).getAddress().getPort() + path;
    }

    /**
     * How many articles site k had published at {@code at}. Sites publish staggered (site k
     * k/sites of an interval after site 0), so the crawler does not see all of them change at once.
     */
    int published(int site, Instant at) {
        long elapsed = Duration.between(start, at).toMillis() - every.toMillis() * site / sites();
        return backlog + (int) Math.max(0, Math.floorDiv(elapsed, every.toMillis()) + (elapsed >= 0 ? 1 : 0));
    }

    int publishedEverywhere(Instant at) {
        int total = 0;
        for (int k = 0; k < sites(); k++) {
            total += published(k, at);
        }
        return total;
    }

    private void handle(HttpExchange exchange, int site) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int count = published(site, clock.instant());
        try {
            if (path.equals("/robots.txt")) {
                LocalSite.send(exchange, 200, "text/plain", "User-agent: *\nAllow: /\n");
            } else if (path.equals("/feed.xml")) {
                LocalSite.send(exchange, 200, "application/rss+xml", feed(site, count));
            } else if (path.equals("/sitemap.xml")) {
                LocalSite.send(exchange, 200, "application/xml", sitemap(site, count));
            } else if (path.equals("/latest.html")) {
                LocalSite.send(exchange, 200, "text/html", listing(site, count));
            } else if (path.startsWith("/news/") && path.endsWith(".html")) {
                int j = Integer.parseInt(path.substring("/news/".length(), path.length() - ".html".length()));
                if (j < 0 || j >= count) {
                    LocalSite.send(exchange, 404, "text/plain", "not published yet");
                } else {
                    LocalSite.send(exchange, 200, "text/html", WorkloadServer.page(article(site, j)));
                }
            } else {
                LocalSite.send(exchange, 404, "text/plain", "not found");
            }
        } catch (RuntimeException e) {
            LocalSite.send(exchange, 404, "text/plain", "not found: " + e.getMessage());
        }
    }

    private GeneratedArticle article(int site, int j) {
        GeneratedArticle a = corpus.article(j * sites() + site);
        return new GeneratedArticle(
                a.index(), a.source(), a.title(), a.body(), publishedAt(site, j), a.topic(), a.copyOf(), a.nearCopy());
    }

    private Instant publishedAt(int site, int j) {
        long offset = every.toMillis() * site / sites();
        return j < backlog
                ? start.minus(every.multipliedBy(backlog - j))
                : start.plusMillis(offset + every.toMillis() * (j - backlog));
    }

    private String feed(int site, int count) {
        StringBuilder xml = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>" + "<title>Growing wire "
                        + site + "</title><link>" + url(site, "/") + "</link><description>News</description>\n");
        for (int j = count - 1; j >= Math.max(0, count - WINDOW); j--) {
            GeneratedArticle a = article(site, j);
            xml.append("<item><title>")
                    .append(LocalSite.escape(a.title()))
                    .append("</title><link>")
                    .append(url(site, "/news/" + j + ".html"))
                    .append("</link><pubDate>")
                    .append(RFC_1123.format(a.publishedAt()))
                    .append("</pubDate></item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    private String sitemap(int site, int count) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (int j = 0; j < count; j++) {
            xml.append("<url><loc>")
                    .append(url(site, "/news/" + j + ".html"))
                    .append("</loc><lastmod>")
                    .append(publishedAt(site, j))
                    .append("</lastmod></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    private String listing(int site, int count) {
        StringBuilder html =
                new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Latest news</title></head>"
                        + "<body><nav><a href=\"/\">Home</a> <a href=\"/about\">About</a></nav><ul>");
        for (int j = count - 1; j >= Math.max(0, count - WINDOW); j--) {
            html.append("<li><a href=\"/news/")
                    .append(j)
                    .append(".html\">")
                    .append(LocalSite.escape(article(site, j).title()))
                    .append("</a></li>");
        }
        return html.append("</ul></body></html>").toString();
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
        executor.shutdownNow();
    }
}
