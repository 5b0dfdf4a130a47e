package org.outpost.benchmarks.freshness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.outpost.benchmarks.reliability.SiteRequestLog;
import org.outpost.benchmarks.workload.CorpusGenerator;
import org.outpost.benchmarks.workload.GeneratedArticle;
import org.outpost.benchmarks.workload.LocalSite;
import org.outpost.benchmarks.workload.WorkloadServer;

/**
 * One arm's sources on loopback, each on its own address ({@code 127.<arm>.0.<k+1>}, since the
 * crawler is polite per host): {@code /robots.txt} (with a Crawl-delay on every fifth),
 * {@code /feed.xml} (RSS 2.0 or Atom, the newest {@value #WINDOW} articles, with ETag and
 * Last-Modified, answering 304 to a conditional GET while nothing new is published) and
 * {@code /news/<j>.html}. An article is in its feed from the moment the {@link PublicationPlan},
 * compressed, says it is published. Every answer is recorded: what the benchmark knows of polling
 * comes from here, not from the app.
 */
final class PublishingSites implements AutoCloseable {

    static final int WINDOW = 20;
    static final String FEED = "/feed.xml";

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** One article: its source, its number there, when it appears in the feed (wall clock) and its page. */
    record Item(int site, int number, Instant publishedAt, String url) {}

    private final PublicationPlan plan;
    private final TimeCompression time;
    private final Clock clock;
    private final CorpusGenerator corpus;
    private final List<HttpServer> servers = new ArrayList<>();
    private final Map<String, Integer> siteByOrigin = new HashMap<>();
    private final List<List<Instant>> published = new ArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final SiteRequestLog requests = new SiteRequestLog();

    /**
     * @param arm which arm (1, 2, …): the second octet of the addresses, and the articles' texts (the
     *     arms publish at the same moments, but not the same stories, or one would be the other's copy)
     * @param start the wall-clock moment of the plan's start
     */
    PublishingSites(int arm, PublicationPlan plan, TimeCompression time, Instant start, Duration horizon, Clock clock) {
        this.plan = plan;
        this.time = time;
        this.clock = clock;
        // no planned copies: every article is its own story, so each one is alerted on
        this.corpus = new CorpusGenerator(7919L * arm, Tier.totalSources() * 10_000, start, Duration.ofDays(30), 0, 0);
        for (int k = 0; k < Tier.totalSources(); k++) {
            List<Instant> dates = new ArrayList<>();
            for (Duration offset : plan.offsets(k, horizon)) {
                dates.add(start.plus(time.toWall(offset)));
            }
            published.add(dates);
            int site = k;
            HttpServer server = LocalSite.listen("127." + arm + ".0." + (k + 1), 64, executor, exchange -> {
                Instant at = clock.instant();
                try {
                    handle(exchange, site, at);
                } finally {
                    requests.record(
                            at,
                            origin(site),
                            exchange.getRequestURI().getPath(),
                            exchange.getResponseCode(),
                            exchange.getRequestHeaders().getFirst("User-Agent"));
                }
            });
            servers.add(server);
            siteByOrigin.put(origin(site), site);
        }
    }

    int sites() {
        return servers.size();
    }

    String origin(int site) {
        return "http://" + servers.get(site).getAddress().getAddress().getHostAddress() + ":"
                + servers.get(site).getAddress().getPort();
    }

    String feedUrl(int site) {
        return origin(site) + FEED;
    }

    /** The source an origin belongs to, or -1. */
    int site(String origin) {
        return siteByOrigin.getOrDefault(origin, -1);
    }

    SiteRequestLog requests() {
        return requests;
    }

    /** Every article of every source, backlog included. */
    List<Item> items() {
        List<Item> out = new ArrayList<>();
        for (int k = 0; k < sites(); k++) {
            List<Instant> dates = published.get(k);
            for (int j = 0; j < dates.size(); j++) {
                out.add(new Item(k, j, dates.get(j), origin(k) + "/news/" + j + ".html"));
            }
        }
        return out;
    }

    /** How many of the source's articles are out at {@code at}. */
    int count(int site, Instant at) {
        List<Instant> dates = published.get(site);
        int n = 0;
        while (n < dates.size() && !dates.get(n).isAfter(at)) {
            n++;
        }
        return n;
    }

    private void handle(HttpExchange exchange, int site, Instant at) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int count = count(site, at);
        if (path.equals("/robots.txt")) {
            Duration delay = plan.crawlDelay(site);
            String rules = "User-agent: *\nAllow: /\n"
                    + (delay.isZero()
                            ? ""
                            : "Crawl-delay: " + Math.max(1, time.toWall(delay).toSeconds()) + "\n");
            LocalSite.send(exchange, 200, "text/plain", rules);
        } else if (path.equals(FEED)) {
            String etag = "\"" + site + "-" + count + "\"";
            String lastModified =
                    count == 0 ? null : RFC_1123.format(published.get(site).get(count - 1));
            exchange.getResponseHeaders().add("ETag", etag);
            if (lastModified != null) {
                exchange.getResponseHeaders().add("Last-Modified", lastModified);
            }
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))
                    || (exchange.getRequestHeaders().getFirst("If-None-Match") == null
                            && lastModified != null
                            && lastModified.equals(exchange.getRequestHeaders().getFirst("If-Modified-Since")))) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
            } else if (plan.atom(site)) {
                LocalSite.send(exchange, 200, "application/atom+xml", atom(site, count));
            } else {
                LocalSite.send(exchange, 200, "application/rss+xml", rss(site, count));
            }
        } else if (path.startsWith("/news/") && path.endsWith(".html")) {
            int j;
            try {
                j = Integer.parseInt(path.substring("/news/".length(), path.length() - ".html".length()));
            } catch (NumberFormatException e) {
                j = -1;
            }
            if (j < 0 || j >= count) {
                LocalSite.send(exchange, 404, "text/plain", "not published");
            } else {
                LocalSite.send(exchange, 200, "text/html", WorkloadServer.page(article(site, j)));
            }
        } else {
            LocalSite.send(exchange, 404, "text/plain", "not found");
        }
    }

    private GeneratedArticle article(int site, int j) {
        GeneratedArticle a = corpus.article(site * 10_000 + j);
        return new GeneratedArticle(
                a.index(), a.source(), a.title(), a.body(), published.get(site).get(j), a.topic(), -1, false);
    }

    private String rss(int site, int count) {
        StringBuilder xml = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>" + "<title>Source " + site
                        + "</title><link>" + origin(site) + "/</link><description>News</description>\n");
        for (int j = count - 1; j >= Math.max(0, count - WINDOW); j--) {
            GeneratedArticle a = article(site, j);
            xml.append("<item><title>")
                    .append(LocalSite.escape(a.title()))
                    .append("</title><link>")
                    .append(origin(site))
                    .append("/news/")
                    .append(j)
                    .append(".html</link><guid>")
                    .append(origin(site))
                    .append("/news/")
                    .append(j)
                    .append(".html</guid><pubDate>")
                    .append(RFC_1123.format(a.publishedAt()))
                    .append("</pubDate></item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    private String atom(int site, int count) {
        Instant updated = count == 0 ? Instant.EPOCH : published.get(site).get(count - 1);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Source " + site + "</title><id>" + origin(site)
                + "/</id><updated>" + updated + "</updated><link href=\"" + origin(site) + "/\"/>\n");
        for (int j = count - 1; j >= Math.max(0, count - WINDOW); j--) {
            GeneratedArticle a = article(site, j);
            String url = origin(site) + "/news/" + j + ".html";
            xml.append("<entry><title>")
                    .append(LocalSite.escape(a.title()))
                    .append("</title><link href=\"")
                    .append(url)
                    .append("\"/><id>")
                    .append(url)
                    .append("</id><published>")
                    .append(a.publishedAt())
                    .append("</published><updated>")
                    .append(a.publishedAt())
                    .append("</updated></entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
        executor.shutdownNow();
    }
}
