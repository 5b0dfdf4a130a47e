package org.outpost.benchmarks.reliability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * Every request the drill's news sites answered: when, which site and path, with what status, and
 * the crawler's User-Agent, which names the app instance that fetched it (each instance of the
 * scale-out drill sends its own). What the drill knows about who crawled what comes from here,
 * not from the app.
 */
public final class SiteRequestLog {

    /** One answered request; {@code site} is the site's origin ({@code http://127.0.0.1:port}). */
    public record Request(Instant at, String site, String path, int status, String userAgent) {

        public String url() {
            return site + path;
        }

        public boolean articlePage() {
            return path.startsWith("/news/") && path.endsWith(".html");
        }
    }

    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();

    public void record(Instant at, String site, String path, int status, String userAgent) {
        requests.add(new Request(at, site, path, status, userAgent == null ? "" : userAgent));
    }

    public List<Request> all() {
        return new ArrayList<>(requests);
    }

    List<Request> where(Predicate<Request> condition) {
        return requests.stream().filter(condition).toList();
    }
}
