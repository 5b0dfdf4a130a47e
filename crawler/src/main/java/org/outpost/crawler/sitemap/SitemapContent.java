package org.outpost.crawler.sitemap;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a sitemap lists: article URLs (with the news sitemap's title and publication date where
 * given), or, for a sitemap index, further sitemaps to read.
 */
public record SitemapContent(List<Page> pages, List<URI> sitemaps) {

    public SitemapContent {
        pages = List.copyOf(pages);
        sitemaps = List.copyOf(sitemaps);
    }

    public boolean isIndex() {
        return !sitemaps.isEmpty();
    }

    /** @param published the news sitemap's publication date, else lastmod */
    public record Page(URI uri, @Nullable Instant published, @Nullable String title) {
    }
}
