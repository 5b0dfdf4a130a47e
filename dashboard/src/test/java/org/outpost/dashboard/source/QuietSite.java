package org.outpost.dashboard.source;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A news site on 127.0.0.1 that used to publish every six hours and stopped: an RSS feed of eight
 * articles, the last one {@code quietFor} ago, each page dated as its feed item.
 */
final class QuietSite implements AutoCloseable {

    private final HttpServer server;
    final Instant lastArticle;

    QuietSite(String name, Duration quietFor) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        lastArticle = Instant.now().minus(quietFor).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        StringBuilder items = new StringBuilder();
        String[] places = {"Khorog", "Osh", "Termez", "Panj", "Khujand", "Batken", "Vorukh", "Isfara"};
        for (int i = 0; i < 8; i++) {
            Instant at = lastArticle.minus(Duration.ofHours(6L * (7 - i)));
            String path = "/news/" + i;
            String title = "Border guards in " + places[i] + " report patrol number " + (i + 11);
            items.append("<item><title>")
                    .append(title)
                    .append("</title><link>")
                    .append(url(path))
                    .append("</link><pubDate>")
                    .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC)))
                    .append("</pubDate></item>");
            serve(path, "text/html; charset=utf-8", page(title, places[i], i, at));
        }
        serve(
                "/feed.xml",
                "application/rss+xml",
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" + name + "</title><link>" + url("/")
                        + "</link><description>news</description>" + items + "</channel></rss>");
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static String page(String title, String place, int seed, Instant at) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                + "<meta property=\"article:published_time\" content=\"" + at + "\"></head><body><article><h1>"
                + title + "</h1><p>The border detachment in " + place + " said its patrol number " + (seed + 11)
                + " inspected " + (seed * 7 + 3) + " vehicles at the crossing and found " + (seed + 2)
                + " kilograms of hashish hidden in a truck carrying " + (seed % 2 == 0 ? "melons" : "cement")
                + ".</p><p>Officers of the " + place + " post questioned the driver, a citizen of the neighbouring"
                + " republic, and handed the case number " + (4000 + seed * 13) + " to the drug control agency"
                + " for investigation under the criminal code.</p></article></body></html>";
    }

    private void serve(String path, String type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, ex -> {
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        });
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
