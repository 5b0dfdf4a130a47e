package org.outpost.benchmarks.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
 * The web of the hostile-inputs drill: {@value #MIXED_SITES} news sites whose feeds list 50 good
 * articles and 50 hostile pages each; a sitemap index with two good sitemaps among 40 hostile
 * ones; 60 hostile feeds, one source each; and a separate host answering 500 (a 5xx makes the
 * crawler defer the rest of that host, which must not cost the good pages). Hosts are loopback
 * addresses 127.0.2.x. Every input's URL names its kind: {@code /bad/<kind>/<n>.html},
 * {@code /feed/<kind>/<n>.xml}, {@code /sitemap/<kind>/<n>.xml}.
 */
final class HostileWeb implements AutoCloseable {

    static final int MIXED_SITES = 18;
    static final int GOOD_PER_SITE = 50;
    static final int GOOD_IN_SITEMAPS = 100;
    static final int UNTITLED_PER_FIELDS_FEED = 10;
    private static final int SITEMAP_HOST = MIXED_SITES;
    private static final int FEED_HOST = MIXED_SITES + 1;
    private static final int FLAKY_HOST = MIXED_SITES + 2;
    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.RFC_1123_DATE_TIME.withZone(java.time.ZoneOffset.UTC);

    /** One hostile input and where the app meets it. */
    record Input(HostileKind kind, int n, String url) {}

    /** A good article and its address. */
    record Good(int index, String url, String title) {}

    private final CorpusGenerator corpus;
    private final List<HttpServer> servers = new ArrayList<>();
    // slow-drip responses hold a thread each for as long as the client waits
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Input> inputs = new ArrayList<>();
    private final List<List<Object>> mixedFeeds = new ArrayList<>();
    private final List<Good> good = new ArrayList<>();

    HostileWeb() {
        int goodCount = MIXED_SITES * GOOD_PER_SITE + GOOD_IN_SITEMAPS;
        // no copies: every good article must be indexed as itself
        this.corpus = new CorpusGenerator(7_2026L, goodCount + 100, Instant.now(), Duration.ofDays(2), 0, 0);
        for (int host = 0; host <= FLAKY_HOST; host++) {
            int h = host;
            servers.add(LocalSite.listen("127.0.2." + (host + 1), 128, executor, exchange -> handle(exchange, h)));
        }
        plan();
    }

    /** Which good and hostile pages each feed lists, which children the sitemap index has. */
    private void plan() {
        for (int m = 0; m < MIXED_SITES; m++) {
            mixedFeeds.add(new ArrayList<>());
        }
        int position = 0;
        for (HostileKind kind : HostileKind.values()) {
            for (int n = 0; n < kind.count; n++) {
                Input input = switch (kind.form) {
                    case PAGE ->
                        new Input(
                                kind,
                                n,
                                url(
                                        kind == HostileKind.HTTP_500 ? FLAKY_HOST : position % MIXED_SITES,
                                        "/bad/" + kind.slug() + "/" + n + ".html"));
                    case FEED -> new Input(kind, n, url(FEED_HOST, "/feed/" + kind.slug() + "/" + n + ".xml"));
                    case SITEMAP ->
                        new Input(
                                kind,
                                n,
                                url(
                                        SITEMAP_HOST,
                                        "/sitemap/" + kind.slug() + "/" + n
                                                + (kind == HostileKind.SITEMAP_GZIP_FILE_BOMB ? ".xml.gz" : ".xml")));
                };
                inputs.add(input);
                if (kind.form == HostileKind.Form.PAGE) {
                    mixedFeeds.get(position % MIXED_SITES).add(input);
                    position++;
                }
            }
        }
        for (int g = 0; g < MIXED_SITES * GOOD_PER_SITE; g++) {
            Good article = new Good(
                    g,
                    url(g % MIXED_SITES, "/good/" + g + ".html"),
                    corpus.article(g).title());
            good.add(article);
            // interleaved: good, hostile, good, hostile ...
            List<Object> feed = mixedFeeds.get(g % MIXED_SITES);
            feed.add(Math.min(feed.size(), 2 * (g / MIXED_SITES)), article);
        }
        for (int g = MIXED_SITES * GOOD_PER_SITE; g < MIXED_SITES * GOOD_PER_SITE + GOOD_IN_SITEMAPS; g++) {
            good.add(new Good(
                    g,
                    url(SITEMAP_HOST, "/good/" + g + ".html"),
                    corpus.article(g).title()));
        }
    }

    List<Input> inputs() {
        return inputs;
    }

    List<Good> good() {
        return good;
    }

    String mixedFeedUrl(int site) {
        return url(site, "/feed.xml");
    }

    String sitemapIndexUrl() {
        return url(SITEMAP_HOST, "/sitemap.xml");
    }

    /** The address of the n-th untitled page a hostile-fields feed points at. */
    String untitledUrl(int feed, int i) {
        return url(FEED_HOST, "/bad/untitled/" + (feed * UNTITLED_PER_FIELDS_FEED + i) + ".html");
    }

    String url(int host, String path) {
        return "http://127.0.2." + (host + 1) + ":"
                + servers.get(host).getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange, int host) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try {
            if (path.equals("/robots.txt")) {
                send(exchange, 200, "text/plain", "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/feed.xml") && host < MIXED_SITES) {
                send(exchange, 200, "application/rss+xml", mixedFeed(host).getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/sitemap.xml") && host == SITEMAP_HOST) {
                send(exchange, 200, "application/xml", sitemapIndex().getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith("/good-sitemap/")) {
                send(exchange, 200, "application/xml", goodSitemap(number(path)).getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith("/good/")) {
                send(
                        exchange,
                        200,
                        "text/html",
                        WorkloadServer.page(corpus.article(number(path))).getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith("/bad/untitled/")) {
                send(
                        exchange,
                        200,
                        "text/html",
                        HostileBodies.untitled(corpus.article(corpus.size() - 1 - number(path) % 100)));
            } else if (path.startsWith("/bad/") || path.startsWith("/feed/") || path.startsWith("/sitemap/")) {
                String[] parts = path.split("/");
                hostile(exchange, HostileKind.ofSlug(parts[2]), number(path));
            } else {
                send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the client gave up (timeouts, size limits) or a short body was cut: expected here
            try {
                exchange.close();
            } catch (RuntimeException ignored) {
                // already closed
            }
        } catch (RuntimeException e) {
            send(exchange, 404, "text/plain", ("not found: " + e).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static int number(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        return Integer.parseInt(file.substring(0, file.indexOf('.')));
    }

    private void hostile(HttpExchange exchange, HostileKind kind, int n) throws IOException {
        GeneratedArticle a = corpus.article(corpus.size() - 1 - n % 100);
        switch (kind) {
            case TRUNCATED_HTML -> send(exchange, 200, "text/html", HostileBodies.truncated(a));
            case BINARY_AS_HTML -> send(exchange, 200, "text/html", HostileBodies.randomBytes(n, 16 * 1024));
            case LYING_CHARSET -> send(exchange, 200, "text/html; charset=utf-8", HostileBodies.lyingCharset(a, n));
            case GZIP_BOMB -> sendEncoded(exchange, "text/html", "gzip", HostileBodies.htmlGzipBomb());
            case OVER_SIZE_LIMIT -> send(exchange, 200, "text/html", HostileBodies.overSize(12L << 20));
            case SLOW_DRIP, FEED_SLOW_DRIP -> slowDrip(exchange);
            case HTTP_500, FEED_HTTP_500 ->
                send(exchange, 500, "text/plain", "Internal Server Error".getBytes(StandardCharsets.UTF_8));
            case HTTP_404, FEED_HTTP_404, SITEMAP_HTTP_404 ->
                send(exchange, 404, "text/plain", "gone".getBytes(StandardCharsets.UTF_8));
            case REDIRECT_LOOP, FEED_REDIRECT_LOOP, SITEMAP_REDIRECT_LOOP -> {
                exchange.getResponseHeaders()
                        .add("Location", exchange.getRequestURI().getPath());
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            }
            case EMPTY_BODY -> send(exchange, 200, "text/html", new byte[0]);
            case HUGE_LINK_COUNT -> send(exchange, 200, "text/html", HostileBodies.hugeLinkCount());
            case DEEP_NESTING -> send(exchange, 200, "text/html", HostileBodies.deepNesting(a));
            case NUL_BYTES -> send(exchange, 200, "text/html", HostileBodies.nulBytes(a));
            case ABSURD_DATES -> send(exchange, 200, "text/html", HostileBodies.absurdDates(a));
            case SCRIPT_IN_TITLE -> send(exchange, 200, "text/html", HostileBodies.scriptInTitle(a));
            case NOT_HTML -> send(exchange, 200, "image/png", HostileBodies.png(n));
            case LYING_GZIP ->
                sendEncoded(
                        exchange, "text/html", "gzip", WorkloadServer.page(a).getBytes(StandardCharsets.UTF_8));
            case SHORT_BODY -> {
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, 100_000);
                OutputStream out = exchange.getResponseBody();
                out.write(WorkloadServer.page(a).substring(0, 500).getBytes(StandardCharsets.UTF_8));
                out.flush();
                exchange.close(); // with bytes missing, the server drops the connection
            }
            case FEED_AS_HTML ->
                send(exchange, 200, "text/html", goodSitemapLikeFeed(n).getBytes(StandardCharsets.UTF_8));
            case FEED_INVALID_XML -> send(exchange, 200, "application/rss+xml", bytes(HostileBodies.INVALID_FEED));
            case FEED_TRUNCATED -> {
                String feed = HostileBodies.rss(
                        "Cut",
                        HostileBodies.item("One", "http://example.invalid/1", "Mon, 01 Jan 2024 00:00:00 GMT")
                                + HostileBodies.item(
                                        "Two", "http://example.invalid/2", "Mon, 01 Jan 2024 00:00:00 GMT"));
                send(exchange, 200, "application/rss+xml", bytes(feed.substring(0, feed.length() / 2)));
            }
            case FEED_XXE -> send(exchange, 200, "application/rss+xml", bytes(HostileBodies.XXE_FEED));
            case FEED_BILLION_LAUGHS -> send(exchange, 200, "application/rss+xml", bytes(HostileBodies.BILLION_LAUGHS));
            case FEED_GZIP_BOMB -> sendEncoded(exchange, "application/rss+xml", "gzip", HostileBodies.htmlGzipBomb());
            case FEED_OVER_SIZE_LIMIT ->
                send(exchange, 200, "application/rss+xml", HostileBodies.overSizeFeed(11L << 20));
            case FEED_HTML, SITEMAP_HTML -> send(exchange, 200, "text/html", bytes(HostileBodies.HTML_PAGE));
            case FEED_BINARY -> send(exchange, 200, "application/rss+xml", HostileBodies.randomBytes(1000 + n, 8192));
            case FEED_EMPTY, SITEMAP_EMPTY ->
                send(
                        exchange,
                        200,
                        kind == HostileKind.FEED_EMPTY ? "application/rss+xml" : "application/xml",
                        new byte[0]);
            case FEED_NUL_BYTES ->
                send(
                        exchange,
                        200,
                        "application/rss+xml",
                        bytes(HostileBodies.rss(
                                "Nul",
                                HostileBodies.item(
                                        "Before\u0000after",
                                        "http://example.invalid/1",
                                        "Mon, 01 Jan 2024 00:00:00 GMT"))));
            case FEED_HOSTILE_FIELDS -> send(exchange, 200, "application/rss+xml", bytes(hostileFieldsFeed(n)));
            case SITEMAP_INVALID_XML -> send(exchange, 200, "application/xml", bytes(HostileBodies.INVALID_SITEMAP));
            case SITEMAP_GZIP_FILE_BOMB -> send(exchange, 200, "application/gzip", HostileBodies.xmlGzipBomb());
            case SITEMAP_OVER_SIZE_LIMIT ->
                send(exchange, 200, "application/xml", HostileBodies.overSizeSitemap(11L << 20));
            case SITEMAP_BINARY -> send(exchange, 200, "application/xml", HostileBodies.randomBytes(2000 + n, 8192));
            case SITEMAP_XXE -> send(exchange, 200, "application/xml", bytes(HostileBodies.XXE_SITEMAP));
        }
    }

    private String mixedFeed(int site) {
        StringBuilder items = new StringBuilder();
        String now = RFC_1123.format(Instant.now());
        for (Object entry : mixedFeeds.get(site)) {
            if (entry instanceof Good g) {
                items.append(HostileBodies.item(escape(g.title()), g.url(), now));
            } else if (entry instanceof Input input) {
                items.append(HostileBodies.item("Hostile " + input.kind().slug() + " " + input.n(), input.url(), now));
            }
        }
        return HostileBodies.rss("Mixed wire " + site, items.toString());
    }

    /** Titles with markup (escaped once, so they arrive as text that looks like tags), dates in 2999. */
    private String hostileFieldsFeed(int feed) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < UNTITLED_PER_FIELDS_FEED; i++) {
            items.append(HostileBodies.item(
                    escape("<script>alert('feed')</script><img src=x onerror=alert(4)>Headline " + feed + "." + i),
                    untitledUrl(feed, i),
                    "Tue, 31 Dec 2999 23:59:59 GMT"));
        }
        return HostileBodies.rss(escape("<script>alert('channel')</script>"), items.toString());
    }

    private String goodSitemapLikeFeed(int n) {
        return HostileBodies.rss(
                "A feed where a page should be",
                HostileBodies.item("Item " + n, "http://example.invalid/" + n, "Mon, 01 Jan 2024 00:00:00 GMT"));
    }

    private String sitemapIndex() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        List<String> children = new ArrayList<>();
        children.add(url(SITEMAP_HOST, "/good-sitemap/0.xml"));
        inputs.stream().filter(i -> i.kind().form == HostileKind.Form.SITEMAP).forEach(i -> children.add(i.url()));
        children.add(url(SITEMAP_HOST, "/good-sitemap/1.xml"));
        children.forEach(c -> xml.append("<sitemap><loc>").append(c).append("</loc></sitemap>\n"));
        return xml.append("</sitemapindex>\n").toString();
    }

    private String goodSitemap(int k) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        int first = MIXED_SITES * GOOD_PER_SITE + k * GOOD_IN_SITEMAPS / 2;
        for (int g = first; g < first + GOOD_IN_SITEMAPS / 2; g++) {
            xml.append("<url><loc>")
                    .append(url(SITEMAP_HOST, "/good/" + g + ".html"))
                    .append("</loc></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    /** Headers at once, then a byte every 2 s for up to two minutes, or until the client hangs up. */
    private static void slowDrip(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write("<html><body><p>".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 60; i++) {
            out.write('.');
            out.flush();
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        exchange.close();
    }

    private static void sendEncoded(HttpExchange exchange, String type, String encoding, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Encoding", encoding);
        send(exchange, 200, type, body);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders()
                .add(
                        "Content-Type",
                        type.contains("charset") || !type.startsWith("text/") ? type : type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
        executor.shutdownNow();
    }
}
