package org.outpost.crawler.fetch;

import crawlercommons.robots.BaseRobotRules;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;
import org.outpost.core.net.AddressPin;
import org.outpost.core.net.NonPublicAddressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches pages politely and within hard limits. Thread-safe; share one instance per crawler.
 *
 * <p>Every hop (the first request and each redirect) is checked against the address guard,
 * robots.txt and the per-host throttle before a connection is opened. Remote failures come back
 * as a {@link FetchResult} status; only programming errors throw.
 */
public final class PageFetcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PageFetcher.class);

    private final FetchSettings settings;
    private final AddressPolicy addressPolicy;
    private final HttpClient client;
    private final ScheduledExecutorService watchdog;
    private final HopClient hops;
    private final HostThrottle throttle = new HostThrottle();
    private final RobotsCache robots;

    public PageFetcher(FetchSettings settings) {
        this(settings, settings.allowPrivateAddresses() ? AddressPolicy.allowAll() : new PublicAddressPolicy());
    }

    /** Lets tests replace the address guard; production code uses the settings flag. */
    PageFetcher(FetchSettings settings, AddressPolicy addressPolicy) {
        this.settings = settings;
        this.addressPolicy = addressPolicy;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                // Redirects are followed by hand so every hop passes the address guard and robots.txt.
                .followRedirects(HttpClient.Redirect.NEVER)
                // One exchange per connection makes aborting a slow body abort exactly that exchange.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outpost-fetch-deadline");
            t.setDaemon(true);
            return t;
        });
        this.hops = new HopClient(settings, client, watchdog);
        this.robots = new RobotsCache(this::loadRobots, settings.userAgent(), System::nanoTime);
    }

    public FetchResult fetch(FetchRequest request) {
        long start = System.nanoTime();
        try {
            return follow(request, false, start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FetchResult.failure(
                    request.uri(),
                    request.uri(),
                    FetchResult.Status.NETWORK_ERROR,
                    0,
                    "interrupted",
                    HopClient.elapsed(start));
        } catch (RuntimeException e) {
            // Malformed URIs and similar surprises are reported like any other failure so one bad
            // source cannot kill a crawl worker.
            log.warn("Fetch of {} failed unexpectedly", request.uri(), e);
            return FetchResult.failure(
                    request.uri(),
                    request.uri(),
                    FetchResult.Status.NETWORK_ERROR,
                    0,
                    e.toString(),
                    HopClient.elapsed(start));
        }
    }

    /**
     * How long the scheduler should wait before retrying a source: 30 s × 2^attempt, capped at 6 h,
     * but never shorter than the server's Retry-After.
     */
    public static Duration backoff(int attempt, @Nullable Duration retryAfter) {
        return Backoff.of(attempt, retryAfter);
    }

    private FetchResult loadRobots(URI robotsUri) throws InterruptedException {
        return follow(new FetchRequest(robotsUri, null, null, true), true, System.nanoTime());
    }

    private FetchResult follow(FetchRequest request, boolean isRobots, long start) throws InterruptedException {
        URI current = request.uri();
        Set<URI> visited = new HashSet<>();
        visited.add(current);
        int redirects = 0;
        while (true) {
            String scheme =
                    current.getScheme() == null ? "" : current.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || current.getHost() == null) {
                return fail(
                        request, current, FetchResult.Status.NETWORK_ERROR, "not an http(s) URI: " + current, start);
            }
            HopClient.Hop hop;
            // The pin holds the host to the addresses just checked until the hop has its answer.
            try (AddressPin pin = addressPolicy.admit(current.getHost())) {
                hop = hop(request, current, isRobots, start);
            } catch (UnknownHostException e) {
                return fail(
                        request, current, FetchResult.Status.NETWORK_ERROR, "unknown host " + current.getHost(), start);
            } catch (NonPublicAddressException e) {
                return fail(request, current, FetchResult.Status.BLOCKED_ADDRESS, e.getMessage(), start);
            }
            if (hop.result() != null) {
                return hop.result();
            }
            URI next = hop.location();
            if (next == null) {
                throw new IllegalStateException("hop without result or location");
            }
            redirects++;
            if (!visited.add(next)) {
                return fail(
                        request, current, FetchResult.Status.REDIRECT_LIMIT, "redirect loop back to " + next, start);
            }
            if (redirects > settings.maxRedirects()) {
                return fail(
                        request,
                        current,
                        FetchResult.Status.REDIRECT_LIMIT,
                        "more than " + settings.maxRedirects() + " redirects (next: " + next + ")",
                        start);
            }
            current = next;
        }
    }

    private HopClient.Hop hop(FetchRequest request, URI current, boolean isRobots, long start)
            throws InterruptedException {
        if (isRobots) {
            // Fetched once a day per host, so it skips the throttle; taking the host slot here could
            // also deadlock against the page fetch that triggered it.
            return hops.get(request, current, true, start);
        }
        Duration delay = settings.perHostDelay();
        if (!request.ignoreRobots()) {
            BaseRobotRules rules = robots.rulesFor(current);
            if (!rules.isAllowed(current.toString())) {
                return HopClient.Hop.done(fail(
                        request,
                        current,
                        FetchResult.Status.DISALLOWED_BY_ROBOTS,
                        "robots.txt of " + current.getHost() + " disallows " + current.getRawPath(),
                        start));
            }
            Duration crawlDelay = RobotsCache.crawlDelay(rules);
            if (crawlDelay.compareTo(delay) > 0) {
                delay = crawlDelay;
            }
        }
        try (HostThrottle.Slot slot = throttle.acquire(RobotsCache.origin(current), delay)) {
            return hops.get(request, current, false, start);
        }
    }

    /**
     * robots.txt's Crawl-delay for {@code uri}'s origin (read once a day, as for the fetches), up to
     * a day; zero when it sets none. An adaptive source is never polled more often than this.
     */
    public Duration pollDelay(URI uri) throws InterruptedException {
        return RobotsCache.pollDelay(robots.rulesFor(uri));
    }

    private static FetchResult fail(
            FetchRequest request, URI at, FetchResult.Status status, String reason, long start) {
        return FetchResult.failure(request.uri(), at, status, 0, reason, HopClient.elapsed(start));
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        client.shutdownNow();
    }
}
