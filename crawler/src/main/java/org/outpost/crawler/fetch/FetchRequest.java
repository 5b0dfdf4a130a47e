package org.outpost.crawler.fetch;

import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page to fetch.
 *
 * @param etag validator from the previous fetch, sent as {@code If-None-Match}
 * @param lastModified validator from the previous fetch, sent as {@code If-Modified-Since}
 * @param ignoreRobots skip robots.txt for sources an admin has explicitly cleared (politeness
 *     delays still apply)
 */
public record FetchRequest(
        URI uri, @Nullable String etag, @Nullable String lastModified, boolean ignoreRobots) {

    public FetchRequest {
        Objects.requireNonNull(uri, "uri");
    }

    public FetchRequest(URI uri, @Nullable String etag, @Nullable String lastModified) {
        this(uri, etag, lastModified, false);
    }

    public static FetchRequest of(String uri) {
        return new FetchRequest(URI.create(uri), null, null, false);
    }

    public FetchRequest ignoringRobots() {
        return new FetchRequest(uri, etag, lastModified, true);
    }

    public FetchRequest withValidators(@Nullable String etag, @Nullable String lastModified) {
        return new FetchRequest(uri, etag, lastModified, ignoreRobots);
    }
}
