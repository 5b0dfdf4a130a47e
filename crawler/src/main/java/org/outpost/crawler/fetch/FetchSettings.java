package org.outpost.crawler.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and identity used by {@link PageFetcher}.
 *
 * @param userAgent sent on every request, robots.txt included; its product token (the part before
 *     the first {@code /}) is the name matched against robots.txt groups. Default {@value
 *     #DEFAULT_USER_AGENT}.
 * @param connectTimeout TCP/TLS connect limit. Default 10 s.
 * @param readTimeout total time allowed for one HTTP exchange (headers and the whole body), so a
 *     server that drips a byte a second cannot hold a worker. Each redirect hop gets its own
 *     budget; waiting for the per-host politeness slot is not counted. Default 30 s.
 * @param maxBodyBytes body limit counted after gzip/deflate decoding. Default 10 MiB.
 * @param maxRedirects redirects followed before giving up with {@code REDIRECT_LIMIT}. Default 5.
 * @param perHostDelay minimum pause between the end of one request and the start of the next to
 *     the same host; a larger robots.txt Crawl-delay (capped at 60 s) wins. Default 1 s.
 * @param allowPrivateAddresses lets an admin crawl intranet sources; when false, hosts resolving
 *     to loopback, private, link-local, CGNAT and similar addresses are refused. Default false.
 */
public record FetchSettings(
        String userAgent,
        Duration connectTimeout,
        Duration readTimeout,
        long maxBodyBytes,
        int maxRedirects,
        Duration perHostDelay,
        boolean allowPrivateAddresses) {

    public static final String DEFAULT_USER_AGENT = "Outpost/0.1 (+https://github.com/outpost-monitor; news monitor)";

    public FetchSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(perHostDelay, "perHostDelay");
        if (userAgent.isBlank()) {
            throw new IllegalArgumentException("userAgent must not be blank");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        if (perHostDelay.isNegative()) {
            throw new IllegalArgumentException("perHostDelay must not be negative");
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative");
        }
    }

    public static FetchSettings defaults() {
        return new FetchSettings(
                DEFAULT_USER_AGENT,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                10L * 1024 * 1024,
                5,
                Duration.ofSeconds(1),
                false);
    }

    public FetchSettings withReadTimeout(Duration value) {
        return new FetchSettings(
                userAgent, connectTimeout, value, maxBodyBytes, maxRedirects, perHostDelay, allowPrivateAddresses);
    }

    public FetchSettings withMaxBodyBytes(long value) {
        return new FetchSettings(
                userAgent, connectTimeout, readTimeout, value, maxRedirects, perHostDelay, allowPrivateAddresses);
    }

    public FetchSettings withMaxRedirects(int value) {
        return new FetchSettings(
                userAgent, connectTimeout, readTimeout, maxBodyBytes, value, perHostDelay, allowPrivateAddresses);
    }

    public FetchSettings withPerHostDelay(Duration value) {
        return new FetchSettings(
                userAgent, connectTimeout, readTimeout, maxBodyBytes, maxRedirects, value, allowPrivateAddresses);
    }

    public FetchSettings withAllowPrivateAddresses(boolean value) {
        return new FetchSettings(
                userAgent, connectTimeout, readTimeout, maxBodyBytes, maxRedirects, perHostDelay, value);
    }

    private static void requirePositive(Duration d, String name) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
