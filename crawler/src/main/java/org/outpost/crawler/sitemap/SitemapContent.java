package org.outpost.crawler.sitemap;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a sitemap lists: article URLs (with the news sitemap's title and publication date where
 * given), or, for a sitemap index, further sitemaps to read.
 *
 * @param problem what is wrong with a sitemap that was still read leniently (broken XML, a
 *        gzipped file that gave nothing), for the run's errors; null when nothing is
 */
public record SitemapContent(
        List<Page> pages, List<URI> sitemaps, @Nullable String problem) {

    public SitemapContent {
        pages = List.copyOf(pages);
        sitemaps = List.copyOf(sitemaps);
    }

    public SitemapContent(List<Page> pages, List<URI> sitemaps) {
        this(pages, sitemaps, null);
    }

    public boolean isIndex() {
        return !sitemaps.isEmpty();
    }

    /** @param published the news sitemap's publication date, else lastmod */
    public record Page(
            URI uri, @Nullable Instant published, @Nullable String title) {}
}
