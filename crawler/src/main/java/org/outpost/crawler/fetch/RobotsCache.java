package org.outpost.crawler.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * robots.txt per RFC 9309, fetched at most once per origin and TTL. Unavailable files (4xx) allow
 * everything; unreachable ones (5xx, network trouble) disallow everything for a short while, as
 * the RFC asks, then are retried.
 */
final class RobotsCache {

    /** Fetches a robots.txt URI with the fetcher's limits but without robots or politeness checks. */
    @FunctionalInterface
    interface Loader {
        FetchResult load(URI robotsUri) throws InterruptedException;
    }

    static final Duration TTL = Duration.ofHours(24);
    static final Duration UNREACHABLE_TTL = Duration.ofMinutes(10);
    static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(60);

    private record Entry(BaseRobotRules rules, long expiresNanos) {}

    private final Loader loader;
    private final String agentName;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    // ReentrantLock rather than synchronized: the load does network I/O and must not pin a virtual thread.
    private final ConcurrentHashMap<String, ReentrantLock> loading = new ConcurrentHashMap<>();

    RobotsCache(Loader loader, String userAgent, LongSupplier nanoClock) {
        this.loader = loader;
        this.agentName = productToken(userAgent);
        this.nanoClock = nanoClock;
    }

    BaseRobotRules rulesFor(URI uri) throws InterruptedException {
        String origin = origin(uri);
        Entry entry = entries.get(origin);
        if (entry != null && entry.expiresNanos - nanoClock.getAsLong() > 0) {
            return entry.rules;
        }
        ReentrantLock lock = loading.computeIfAbsent(origin, k -> new ReentrantLock());
        lock.lockInterruptibly();
        try {
            entry = entries.get(origin);
            if (entry != null && entry.expiresNanos - nanoClock.getAsLong() > 0) {
                return entry.rules;
            }
            BaseRobotRules rules = interpret(loader.load(robotsUri(uri)));
            Duration ttl = rules.isAllowNone() && !rules.isAllowAll() ? UNREACHABLE_TTL : TTL;
            entries.put(origin, new Entry(rules, nanoClock.getAsLong() + ttl.toNanos()));
            return rules;
        } finally {
            lock.unlock();
        }
    }

    /** Crawl-delay from the rules, capped so one robots.txt cannot park a worker for hours. */
    static Duration crawlDelay(BaseRobotRules rules) {
        long ms = rules.getCrawlDelay();
        if (ms == BaseRobotRules.UNSET_CRAWL_DELAY || ms <= 0) {
            return Duration.ZERO;
        }
        Duration d = Duration.ofMillis(ms);
        return d.compareTo(MAX_CRAWL_DELAY) > 0 ? MAX_CRAWL_DELAY : d;
    }

    /**
     * Crawl-delay as the least time between two runs of a source on this origin: uncapped by {@link
     * #MAX_CRAWL_DELAY} (a poll interval may be long), but at most a day.
     */
    static Duration pollDelay(BaseRobotRules rules) {
        long ms = rules.getCrawlDelay();
        if (ms == BaseRobotRules.UNSET_CRAWL_DELAY || ms <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(Math.min(ms, Duration.ofDays(1).toMillis()));
    }

    private BaseRobotRules interpret(FetchResult result) {
        return switch (result.status()) {
            case OK ->
                parser().parseContent(
                                result.finalUri().toString(),
                                result.body(),
                                result.contentType() == null ? "text/plain" : result.contentType(),
                                List.of(agentName));
            // RFC 9309 2.3.1.3: 4xx means "unavailable", crawl freely. 429 is a request to slow down, not
            // an absence of rules, so it counts as unreachable.
            case HTTP_ERROR ->
                result.httpStatus() >= 400 && result.httpStatus() < 500 && result.httpStatus() != 429
                        ? new SimpleRobotRules(RobotRulesMode.ALLOW_ALL)
                        : new SimpleRobotRules(RobotRulesMode.ALLOW_NONE);
            // RFC 9309 2.3.1.2: too many redirects may be treated as unavailable.
            case REDIRECT_LIMIT -> new SimpleRobotRules(RobotRulesMode.ALLOW_ALL);
            default -> new SimpleRobotRules(RobotRulesMode.ALLOW_NONE);
        };
    }

    private static SimpleRobotRulesParser parser() {
        // Crawl-delay is capped by us, not by the parser (which would turn a long delay into a ban).
        return new SimpleRobotRulesParser(Long.MAX_VALUE, 5);
    }

    static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":"
                + port(uri);
    }

    static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static URI robotsUri(URI uri) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), "/robots.txt", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot build robots.txt URI for " + uri, e);
        }
    }

    static String productToken(String userAgent) {
        String token = userAgent.trim().split("[/\\s]", 2)[0];
        return token.toLowerCase(Locale.ROOT);
    }
}
