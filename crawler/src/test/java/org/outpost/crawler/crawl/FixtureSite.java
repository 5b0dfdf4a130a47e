package org.outpost.crawler.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A news site on 127.0.0.1 for crawl tests: article pages in the shape of a real site (menu,
 * share bar, related links, footer), feeds, sitemaps, listing pages and misbehaving paths.
 */
public final class FixtureSite implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    /** Paths requested, in order, with the request's conditional headers. */
    final List<String> requests = new CopyOnWriteArrayList<>();

    final List<String> conditionalRequests = new CopyOnWriteArrayList<>();

    public FixtureSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public FixtureSite on(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    public FixtureSite page(String path, String contentType, String body) {
        return bytes(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    FixtureSite bytes(String path, String contentType, byte[] body) {
        return on(path, ex -> respond(ex, 200, contentType, body));
    }

    /** An article page; its text is {@link #story} of the seed, so equal seeds make equal stories. */
    public FixtureSite article(String path, String title, int seed) {
        return page(path, "text/html; charset=utf-8", articleHtml(title, story(seed), path));
    }

    FixtureSite feed(String path, String... articlePaths) {
        return feed(path, java.time.Instant.parse("2026-03-03T10:00:00Z"), articlePaths);
    }

    /** An RSS feed whose items all carry this date (a later date tells the crawler they changed). */
    FixtureSite feed(String path, java.time.Instant published, String... articlePaths) {
        String date = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                published.atOffset(java.time.ZoneOffset.UTC));
        StringBuilder items = new StringBuilder();
        for (String p : articlePaths) {
            items.append("<item><title>Item ")
                    .append(p)
                    .append("</title><link>")
                    .append(url(p))
                    .append("</link><pubDate>")
                    .append(date)
                    .append("</pubDate></item>");
        }
        String rss =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Fixture news</title>"
                        + "<link>" + url("/") + "</link><description>Test</description>" + items + "</channel></rss>";
        byte[] body = rss.getBytes(StandardCharsets.UTF_8);
        return on(path, ex -> {
            String etag = "\"feed-" + Integer.toHexString(rss.hashCode()) + "\"";
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                conditionalRequests.add(path);
                ex.getResponseHeaders().set("ETag", etag);
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().set("ETag", etag);
            respond(ex, 200, "application/rss+xml", body);
        });
    }

    public static String articleHtml(String title, String text, String path) {
        StringBuilder paragraphs = new StringBuilder();
        for (String paragraph : text.split("\n\n")) {
            paragraphs.append("<p>").append(paragraph).append("</p>\n");
        }
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s | Fixture News</title>
                <meta property="article:published_time" content="2026-03-03T08:00:00Z"></head>
                <body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/region">Region</a>
                <a href="/security">Security</a> <a href="/about">About us</a></nav></header>
                <div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
                <main><article><h1>%s</h1><div class="byline">By Staff Reporter</div>
                <div class="share">Share on Facebook Share on Twitter Share on Telegram</div>
                <div class="article-body">%s</div></article>
                <aside class="related"><h3>Related articles</h3><ul><li><a href="/r/1">Markets close higher</a></li>
                <li><a href="/r/2">Weather turns cold in the capital</a></li></ul></aside></main>
                <footer>© 2026 Fixture News. All rights reserved. <a href="/contact">Contact</a></footer></body></html>
                """.formatted(title, title, paragraphs);
    }

    /** A different story for every seed: the same seed gives the same text. */
    public static String story(int seed) {
        String[] places = {
            "Khorog", "Osh", "Termez", "Khujand", "Batken", "Panj", "Kulob", "Jalal-Abad", "Nukus", "Karakol"
        };
        String[] goods = {"heroin", "hashish", "weapons", "ammunition", "opium", "cash", "fuel", "cigarettes"};
        String[] agencies = {
            "border guards", "the customs service", "the interior ministry", "the state security committee"
        };
        java.util.Random random = new java.util.Random(seed);
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < 4; p++) {
            if (p > 0) {
                text.append("\n\n");
            }
            for (int s = 0; s < 3; s++) {
                String place = places[random.nextInt(places.length)];
                String good = goods[random.nextInt(goods.length)];
                String agency = agencies[random.nextInt(agencies.length)];
                int amount = 2 + random.nextInt(400);
                int people = 1 + random.nextInt(9);
                text.append("Officers of ")
                        .append(agency)
                        .append(" near ")
                        .append(place)
                        .append(" seized ")
                        .append(amount)
                        .append(" kilograms of ")
                        .append(good)
                        .append(" and detained ")
                        .append(people)
                        .append(" suspects in operation number ")
                        .append(seed * 100 + p * 10 + s)
                        .append(", officials said. ");
            }
        }
        return text.toString().strip().replace(" \n", "\n");
    }

    public static void respond(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    static byte[] encode(String text, Charset charset) {
        return text.getBytes(charset);
    }

    /** How often the path was requested. */
    public long requestsOf(String path) {
        return count(path);
    }

    long count(String path) {
        return requests.stream().filter(path::equals).count();
    }

    /** While set, every connection is dropped without an answer, as by a server that died. */
    volatile boolean down;

    private void dispatch(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        if (down) {
            ex.close();
            return;
        }
        requests.add(path);
        HttpHandler handler = routes.get(path);
        try {
            if (handler == null) {
                respond(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            } else {
                handler.handle(ex);
            }
        } catch (IOException clientWentAway) {
            // the crawler aborts slow or oversized bodies on purpose
        } finally {
            ex.close();
        }
    }

    /** Stops answering at once, as a server that dies mid-run. */
    void kill() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        kill();
    }
}
