package org.outpost.crawler.feed;

import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One item of a feed.
 *
 * @param link absolute address of the article (resolved against the feed's address)
 * @param summary the item's description as given (may hold HTML; extraction cleans it later)
 */
public record FeedEntry(
        URI link,
        String title,
        @Nullable Instant published,
        @Nullable String summary,
        @Nullable String guid,
        @Nullable String author) {}
