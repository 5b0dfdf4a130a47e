package org.outpost.crawler.sitemap;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parses sitemaps with crawler-commons from bytes the fetcher already bounded: XML sitemaps and
 * indexes, plain-text sitemaps, and gzipped ones (the parser inflates them; the fetcher's size
 * limit applies to the compressed bytes, the parser's own 50 MB limit to the inflated).
 * Strict mode is off because real sites list URLs of other hosts and subfolders; the crawler's
 * URL patterns decide what to follow.
 */
public final class SitemapReader {

    public SitemapContent read(byte[] body, @Nullable String contentType, URI sitemapUri) throws SitemapParseException {
        SiteMapParser parser = new SiteMapParser(false, true);
        parser.enableExtension(Extension.NEWS);
        AbstractSiteMap parsed;
        try {
            parsed = parser.parseSiteMap(
                    contentType == null ? "application/xml" : contentType, body, sitemapUri.toURL());
        } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
            throw new SitemapParseException("Not a readable sitemap at " + sitemapUri + ": " + e.getMessage(), e);
        }
        if (parsed instanceof SiteMapIndex index) {
            List<URI> sitemaps = new ArrayList<>();
            for (AbstractSiteMap child : index.getSitemaps()) {
                URI uri = toUri(child.getUrl());
                if (uri != null) {
                    sitemaps.add(uri);
                }
            }
            return new SitemapContent(List.of(), sitemaps, problem(body, sitemaps.size()));
        }
        List<SitemapContent.Page> pages = new ArrayList<>();
        for (SiteMapURL url : ((SiteMap) parsed).getSiteMapUrls()) {
            URI uri = toUri(url.getUrl());
            if (uri == null) {
                continue;
            }
            NewsAttributes news = news(url);
            java.time.Instant published = news != null && news.getPublicationDateTime() != null
                    ? news.getPublicationDateTime().toInstant()
                    : url.getLastModified() == null
                            ? null
                            : url.getLastModified().toInstant();
            pages.add(new SitemapContent.Page(uri, published, news == null ? null : news.getTitle()));
        }
        return new SitemapContent(pages, List.of(), problem(body, pages.size()));
    }

    /**
     * The parser reads broken sitemaps leniently (what it can, often nothing) without saying so;
     * a run should still report them, as it reports a broken feed.
     */
    private static @Nullable String problem(byte[] body, int addresses) {
        if (body.length > 1 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b) {
            return addresses > 0
                    ? null
                    : "gave no addresses: the gzipped file is empty or inflates beyond the parser's limit";
        }
        String notWellFormed = XmlCheck.problem(body);
        return notWellFormed == null
                ? null
                : "is not well-formed XML (" + notWellFormed + "); read leniently, " + addresses + " addresses kept";
    }

    private static @Nullable NewsAttributes news(SiteMapURL url) {
        ExtensionMetadata[] attributes = url.getAttributesForExtension(Extension.NEWS);
        return attributes != null && attributes.length > 0 && attributes[0] instanceof NewsAttributes n ? n : null;
    }

    private static @Nullable URI toUri(@Nullable URL url) {
        if (url == null) {
            return null;
        }
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
