package org.outpost.crawler.crawl;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.outpost.crawler.extract.CanonicalUrl;
import org.outpost.crawler.feed.FeedContent;
import org.outpost.crawler.feed.FeedEntry;
import org.outpost.crawler.feed.FeedParseException;
import org.outpost.crawler.feed.FeedReader;
import org.outpost.crawler.fetch.FetchRequest;
import org.outpost.crawler.fetch.FetchResult;
import org.outpost.crawler.fetch.LinkHeader;
import org.outpost.crawler.fetch.PageFetcher;
import org.outpost.crawler.sitemap.SitemapContent;
import org.outpost.crawler.sitemap.SitemapParseException;
import org.outpost.crawler.sitemap.SitemapReader;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Finds article addresses in a source's feed, sitemap or listing page, with conditional GET. */
@Component
class WebDiscovery {

    private final FeedReader feeds = new FeedReader();
    private final SitemapReader sitemaps = new SitemapReader();
    private final FetchValidators stored;
    private final CrawlSettings settings;
    private final ApplicationEventPublisher events;

    WebDiscovery(FetchValidators stored, CrawlSettings settings, ApplicationEventPublisher events) {
        this.stored = stored;
        this.settings = settings;
        this.events = events;
    }

    List<Link> discover(RunContext run, PageFetcher fetcher) throws DiscoveryException {
        URI uri = URI.create(run.source.url());
        return switch (run.source.type()) {
            case RSS, ATOM -> feed(run, fetcher, uri);
            case SITEMAP -> sitemap(run, fetcher, uri);
            case HTML -> listing(run, fetcher, uri);
            case FOLDER -> throw new IllegalArgumentException("folder sources are not on the web");
        };
    }

    private List<Link> feed(RunContext run, PageFetcher fetcher, URI uri) throws DiscoveryException {
        FetchResult result = fetchListing(run, fetcher, uri);
        if (result.status() == FetchResult.Status.NOT_MODIFIED) {
            return List.of();
        }
        try {
            FeedContent feed = feeds.readFeed(result.body(), result.finalUri());
            advertise(run, result, feed);
            return links(feed.entries());
        } catch (FeedParseException e) {
            throw new DiscoveryException("FEED", "the feed at " + uri + " could not be read: " + e.getMessage());
        }
    }

    static List<Link> links(List<FeedEntry> entries) {
        List<Link> links = new ArrayList<>();
        for (FeedEntry entry : entries) {
            links.add(new Link(entry.link(), entry.title(), entry.published(), entry.published()));
        }
        return links;
    }

    /** WebSub discovery (§4): the HTTP Link headers first, then the feed's own links. */
    private void advertise(RunContext run, FetchResult result, FeedContent feed) {
        URI base = result.finalUri();
        List<URI> hubs = LinkHeader.targets(result.links(), "hub", base);
        List<URI> selves = LinkHeader.targets(result.links(), "self", base);
        events.publishEvent(new HubAdvertised(
                run.source.id(),
                base,
                hubs.isEmpty() ? feed.hubs() : hubs,
                selves.isEmpty() ? feed.self() : selves.getFirst()));
    }

    private List<Link> sitemap(RunContext run, PageFetcher fetcher, URI uri) throws DiscoveryException {
        SitemapContent root = readSitemap(run, fetcher, uri);
        List<SitemapContent.Page> pages = new ArrayList<>(root.pages());
        int children = 0;
        for (URI child : root.sitemaps()) {
            if (children++ >= settings.maxSitemaps() || run.shouldStop()) {
                break;
            }
            try {
                pages.addAll(readSitemap(run, fetcher, child).pages());
            } catch (DiscoveryException e) {
                run.error(child.toString(), e.kind(), e.getMessage()); // one broken child does not sink the others
            }
        }
        // newest first, so a run capped at maxPagesPerRun takes the latest news
        pages.sort(
                Comparator.comparing(SitemapContent.Page::published, Comparator.nullsLast(Comparator.reverseOrder())));
        return pages.stream()
                .map(p -> new Link(p.uri(), p.title(), p.published(), p.published()))
                .toList();
    }

    private SitemapContent readSitemap(RunContext run, PageFetcher fetcher, URI uri) throws DiscoveryException {
        FetchResult result = fetchListing(run, fetcher, uri);
        if (result.status() == FetchResult.Status.NOT_MODIFIED) {
            return new SitemapContent(List.of(), List.of());
        }
        try {
            SitemapContent content = sitemaps.read(result.body(), result.contentType(), result.finalUri());
            if (content.problem() != null) {
                run.error(uri.toString(), "SITEMAP", "the sitemap at " + uri + " " + content.problem());
            }
            return content;
        } catch (SitemapParseException e) {
            throw new DiscoveryException("SITEMAP", "the sitemap at " + uri + " could not be read: " + e.getMessage());
        }
    }

    /** Links on a listing page: same site, matching the source's patterns, or else looking like articles. */
    private List<Link> listing(RunContext run, PageFetcher fetcher, URI uri) throws DiscoveryException {
        FetchResult result = fetchListing(run, fetcher, uri);
        if (result.status() == FetchResult.Status.NOT_MODIFIED) {
            return List.of();
        }
        Document page = Jsoup.parse(result.text(), result.finalUri().toString());
        Map<URI, Link> links = new LinkedHashMap<>();
        for (Element a : page.select("a[href]")) {
            String href = a.absUrl("href");
            if (href.isEmpty()) {
                continue;
            }
            URI link;
            try {
                link = CanonicalUrl.withoutTracking(URI.create(href));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (!sameSite(link, result.finalUri()) || link.equals(result.finalUri()) || links.containsKey(link)) {
                continue;
            }
            boolean wanted =
                    run.source.includePattern() != null ? run.source.accepts(link.toString()) : looksLikeArticle(link);
            if (wanted) {
                String title = a.text().strip();
                links.put(link, new Link(link, title.isEmpty() ? null : title, null, null));
            }
        }
        return List.copyOf(links.values());
    }

    private FetchResult fetchListing(RunContext run, PageFetcher fetcher, URI uri) throws DiscoveryException {
        FetchValidators.Validators previous = stored.find(run.source.id(), uri);
        FetchResult result = fetcher.fetch(new FetchRequest(uri, previous.etag(), previous.lastModified()));
        run.fetched(result);
        if (result.status() == FetchResult.Status.OK) {
            run.validators.put(uri, new FetchValidators.Validators(result.etag(), result.lastModified()));
            return result;
        }
        if (result.status() == FetchResult.Status.NOT_MODIFIED) {
            return result;
        }
        throw new DiscoveryException(result.status().name(), uri + " could not be fetched: " + result.reason());
    }

    private static boolean sameSite(URI link, URI page) {
        return link.getHost() != null
                && page.getHost() != null
                && stripWww(link.getHost()).equals(stripWww(page.getHost()))
                && ("http".equals(link.getScheme()) || "https".equals(link.getScheme()));
    }

    private static String stripWww(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith("www.") ? lower.substring(4) : lower;
    }

    /** Without a pattern: paths with a date, a numeric id or a long slug, as news sites shape article addresses. */
    static boolean looksLikeArticle(URI link) {
        String path = link.getPath() == null ? "" : link.getPath();
        if (path.matches(".*\\.(jpg|jpeg|png|gif|pdf|zip|mp3|mp4|css|js)$")) {
            return false;
        }
        String last = path.replaceAll("/+$", "");
        last = last.substring(last.lastIndexOf('/') + 1);
        return path.matches(".*/(19|20)\\d{2}/.*") || last.matches(".*\\d{4,}.*") || last.split("-").length >= 4;
    }
}
