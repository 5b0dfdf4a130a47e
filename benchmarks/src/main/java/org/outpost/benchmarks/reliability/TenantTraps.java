package org.outpost.benchmarks.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.outpost.benchmarks.workload.LocalSite;

/**
 * What a hostile tenant points the app at, on an address of its own: webhook receivers
 * that hurt the sender ({@code /slow} drips its answer one byte a second, {@code /huge} answers
 * 100 MB), a canary on a loopback address that counts anything reaching it (the IPv6 spellings
 * of loopback aim at it), a feed for cron-flood sources and a listing page whose links make backtracking patterns
 * blow up. Every article link it serves answers 404, so nothing of it is indexed and the
 * bystander's deliveries stay those of the real news sites.
 */
final class TenantTraps implements AutoCloseable {

    /** Where the canary listens: the loopback address the IPv6 spellings name. */
    static final String CANARY_HOST = "127.0.0.50";

    static final long HUGE_BYTES = 100L * 1024 * 1024;
    /** How long one slow answer drips before the trap gives up on it (longer than the drill). */
    private static final Duration DRIP_FOR = Duration.ofMinutes(10);
    /** The run of a's in the listing's links: with {@code (.*a){12}x} one link costs java.util.regex minutes. */
    static final int RUN_OF_A = 30;

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final String host;
    private final HttpServer server;
    private final HttpServer canary;
    private final AtomicInteger slowPosts = new AtomicInteger();
    private final AtomicInteger slowOpen = new AtomicInteger();
    private final AtomicInteger hugePosts = new AtomicInteger();
    private final AtomicLong hugeBytesSent = new AtomicLong();
    private final AtomicInteger canaryHits = new AtomicInteger();
    private final AtomicInteger feedPolls = new AtomicInteger();
    private final AtomicInteger listingPolls = new AtomicInteger();
    private volatile boolean closed;

    /** @param host where the hooks and trap pages listen: an address the app's policy lets users reach */
    TenantTraps(String host) {
        this.host = host;
        server = LocalSite.listen(host, 256, executor, this::handle);
        canary = LocalSite.listen(CANARY_HOST, 64, executor, exchange -> {
            try (exchange) {
                canaryHits.incrementAndGet();
                LocalSite.send(exchange, 200, "text/plain", "ok");
            }
        });
    }

    int canaryPort() {
        return canary.getAddress().getPort();
    }

    String url(String path) {
        return "http://" + host + ":" + server.getAddress().getPort() + path;
    }

    String slowHook() {
        return url("/slow");
    }

    String hugeHook() {
        return url("/huge");
    }

    String junkFeed() {
        return url("/junk/feed.xml");
    }

    String backtrackingListing() {
        return url("/regex/latest.html");
    }

    int slowPosts() {
        return slowPosts.get();
    }

    /** Slow answers still dripping: connections the app has not given up on. */
    int slowOpen() {
        return slowOpen.get();
    }

    int hugePosts() {
        return hugePosts.get();
    }

    long hugeBytesSent() {
        return hugeBytesSent.get();
    }

    int canaryHits() {
        return canaryHits.get();
    }

    int feedPolls() {
        return feedPolls.get();
    }

    int listingPolls() {
        return listingPolls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (path.equals("/slow")) {
                slowPosts.incrementAndGet();
                drip(exchange);
            } else if (path.equals("/huge")) {
                hugePosts.incrementAndGet();
                huge(exchange);
            } else if (path.equals("/robots.txt")) {
                LocalSite.send(exchange, 200, "text/plain", "User-agent: *\nAllow: /\n");
            } else if (path.equals("/junk/feed.xml")) {
                feedPolls.incrementAndGet();
                LocalSite.send(exchange, 200, "application/rss+xml", junkFeed(Instant.now()));
            } else if (path.equals("/regex/latest.html")) {
                listingPolls.incrementAndGet();
                LocalSite.send(exchange, 200, "text/html", listing());
            } else {
                LocalSite.send(exchange, 404, "text/plain", "gone");
            }
        } catch (IOException e) {
            // the app hung up: what a sender that bounds its reads should do
        }
    }

    /** Headers at once, then one byte a second, so a reader that waits for the end waits ten minutes. */
    private void drip(HttpExchange exchange) throws IOException {
        slowOpen.incrementAndGet();
        try {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            Instant until = Instant.now().plus(DRIP_FOR);
            while (!closed && Instant.now().isBefore(until)) {
                out.write(' ');
                out.flush();
                Thread.sleep(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            slowOpen.decrementAndGet();
        }
    }

    private void huge(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, HUGE_BYTES);
        OutputStream out = exchange.getResponseBody();
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        for (long sent = 0; sent < HUGE_BYTES && !closed; sent += chunk.length) {
            out.write(chunk);
            hugeBytesSent.addAndGet(chunk.length);
        }
    }

    private String junkFeed(Instant now) {
        StringBuilder xml =
                new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                        + "<title>Junk</title><link>" + url("/junk/") + "</link><description>Junk</description>\n");
        long minute = now.getEpochSecond() / 60;
        for (int i = 0; i < 5; i++) {
            xml.append("<item><title>Junk ")
                    .append(minute)
                    .append('-')
                    .append(i)
                    .append("</title><link>")
                    .append(url("/junk/gone-" + minute + "-" + i + ".html"))
                    .append("</link></item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    private String listing() {
        StringBuilder html = new StringBuilder(
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Latest</title></head><body><ul>");
        for (int i = 0; i < 5; i++) {
            html.append("<li><a href=\"/regex/")
                    .append(i)
                    .append('/')
                    .append("a".repeat(RUN_OF_A))
                    .append("!\">Story ")
                    .append(i)
                    .append("</a></li>");
        }
        return html.append("</ul></body></html>").toString();
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        canary.stop(0);
        executor.shutdownNow();
    }
}
