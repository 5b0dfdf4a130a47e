package org.outpost.crawler.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdom2.Element;
import org.jspecify.annotations.Nullable;
import org.outpost.crawler.extract.PlausibleDate;
import org.outpost.crawler.fetch.TextDecoder;

/**
 * Reads RSS 0.9x–2.0 and Atom with ROME from bytes we fetched ourselves (so the fetcher's size
 * and time limits apply). The bytes are decoded as pages are (BOM, XML declaration, then
 * detection), because regional agencies serve windows-1251 feeds that declare no encoding, which
 * an XML parser would read as UTF-8. DOCTYPEs are refused, so an entity-expansion bomb cannot
 * blow up. Entries without a usable link are skipped; duplicate links are kept once.
 */
public final class FeedReader {

    public List<FeedEntry> read(byte[] body, URI feedUri) throws FeedParseException {
        return readFeed(body, feedUri).entries();
    }

    /**
     * The entries, and the WebSub hubs and self address the feed advertises: Atom's {@code
     * <link rel="hub|self">}, and RSS's {@code <atom:link rel="hub|self">} (ROME keeps those as
     * foreign markup).
     */
    public FeedContent readFeed(byte[] body, URI feedUri) throws FeedParseException {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new StringReader(withoutBom(TextDecoder.decode(body, null))));
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedParseException("Not a readable RSS or Atom feed at " + feedUri + ": " + firstLine(e), e);
        }
        List<FeedEntry> entries = new ArrayList<>();
        Set<URI> seen = new LinkedHashSet<>();
        for (SyndEntry entry : feed.getEntries()) {
            URI link = link(entry, feedUri);
            if (link == null || !seen.add(link)) {
                continue;
            }
            entries.add(new FeedEntry(
                    link,
                    title(entry),
                    published(entry),
                    entry.getDescription() == null
                            ? null
                            : entry.getDescription().getValue(),
                    entry.getUri(),
                    blankToNull(entry.getAuthor())));
        }
        return new FeedContent(
                entries,
                advertised(feed, feedUri, "hub"),
                advertised(feed, feedUri, "self").stream().findFirst().orElse(null));
    }

    private static List<URI> advertised(SyndFeed feed, URI feedUri, String rel) {
        Set<URI> found = new LinkedHashSet<>();
        for (SyndLink link : feed.getLinks()) {
            if (rel.equalsIgnoreCase(link.getRel())) {
                absolute(link.getHref(), feedUri).ifPresent(found::add);
            }
        }
        for (Element element : feed.getForeignMarkup()) {
            if ("link".equals(element.getName()) && rel.equalsIgnoreCase(element.getAttributeValue("rel"))) {
                absolute(element.getAttributeValue("href"), feedUri).ifPresent(found::add);
            }
        }
        return List.copyOf(found);
    }

    private static java.util.Optional<URI> absolute(@Nullable String raw, URI base) {
        if (raw == null || raw.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            URI resolved = base.resolve(new URI(raw.strip()));
            String scheme = resolved.getScheme();
            return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)
                    ? java.util.Optional.of(resolved)
                    : java.util.Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static @Nullable URI link(SyndEntry entry, URI feedUri) {
        String raw = entry.getLink() != null ? entry.getLink() : entry.getUri();
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            URI resolved = feedUri.resolve(new URI(raw.strip().replace(" ", "%20")));
            String scheme = resolved.getScheme();
            return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme) ? resolved : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** A title as text: feeds carry markup in titles (escaped once, or on purpose), which no reader shows. */
    private static String title(SyndEntry entry) {
        String title = entry.getTitle();
        return title == null ? "" : org.jsoup.Jsoup.parse(title).text().strip().replaceAll("\\s+", " ");
    }

    private static java.time.@Nullable Instant published(SyndEntry entry) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return date == null ? null : PlausibleDate.orNull(date.toInstant());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
