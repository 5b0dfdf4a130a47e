package org.outpost.crawler.crawl;

import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An article address found by discovery, with what the listing said about it.
 *
 * @param updated when the listing says the article last changed (feed date, sitemap lastmod):
 *     a known article is fetched again only when this is after its last fetch
 */
record Link(
        URI uri,
        @Nullable String title,
        @Nullable Instant published,
        @Nullable Instant updated) {}
