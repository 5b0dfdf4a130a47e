package org.outpost.dashboard.feed;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.outpost.alerts.AlertsProperties;
import org.outpost.alerts.ReaderLanguages;
import org.outpost.alerts.ReaderTexts;
import org.outpost.alerts.feed.AlertFeed;
import org.outpost.core.net.WebLinks;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes an alert's feed as Atom 1.0 or RSS 2.0 (ROME), in its owner's language. Each entry links
 * to the original article (a feed reader has no Outpost session) and names it in Outpost too; its
 * id is the article's Outpost address, so a reader shows each match once however often it polls.
 */
@Component
class FeedWriter {

    enum Format {
        ATOM("atom_1.0", "application/atom+xml;charset=UTF-8"),
        RSS("rss_2.0", "application/rss+xml;charset=UTF-8");

        final String romeType;
        final String contentType;

        Format(String romeType, String contentType) {
            this.romeType = romeType;
            this.contentType = contentType;
        }
    }

    private final AlertsProperties properties;
    private final ReaderLanguages readers;

    FeedWriter(AlertsProperties properties, ReaderLanguages readers) {
        this.properties = properties;
        this.readers = readers;
    }

    String write(AlertFeed alert, Format format, String selfUrl) {
        ReaderTexts texts = ReaderTexts.of(readers.of(alert.owner()));
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType);
        feed.setTitle("Outpost · " + alert.name());
        feed.setDescription(texts.get("feed.description", alert.name(), alert.query()));
        feed.setLanguage(texts.locale().getLanguage());
        feed.setLink(alertUrl(alert));
        feed.setUri(selfUrl);
        SyndLinkImpl self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(selfUrl);
        self.setType(format.contentType.substring(0, format.contentType.indexOf(';')));
        SyndLinkImpl alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setHref(alertUrl(alert));
        feed.setLinks(List.of(alternate, self));
        feed.setPublishedDate(Date.from(alert.lastModified()));
        DateTimeFormatter time = DateTimeFormatter.ofPattern(texts.get("format.messageDateTime"), texts.locale())
                .withZone(ZoneOffset.UTC);
        List<SyndEntry> entries = new ArrayList<>();
        for (AlertFeed.Entry e : alert.entries()) {
            String outpost = articleUrl(e.articleId());
            SyndEntry entry = new SyndEntryImpl();
            entry.setTitle(e.title());
            entry.setLink(WebLinks.isWeb(e.url()) ? e.url() : outpost);
            entry.setUri(outpost);
            entry.setAuthor(e.source());
            entry.setPublishedDate(Date.from(e.datedAt() == null ? e.matchedAt() : e.datedAt()));
            entry.setUpdatedDate(Date.from(e.matchedAt()));
            SyndContentImpl description = new SyndContentImpl();
            description.setType("text/html");
            // everything from crawled pages is escaped: a feed reader renders this HTML
            description.setValue("<p>" + HtmlUtils.htmlEscape(e.source())
                    + (e.datedAt() == null ? "" : " · " + HtmlUtils.htmlEscape(time.format(e.datedAt())))
                    + "</p><p><a href=\"" + HtmlUtils.htmlEscape(outpost) + "\">"
                    + HtmlUtils.htmlEscape(texts.get("feed.inOutpost")) + "</a></p>");
            entry.setDescription(description);
            entries.add(entry);
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("the feed of alert " + alert.subscriptionId() + " cannot be written", e);
        }
    }

    String feedUrl(String token, Format format) {
        return format == Format.ATOM
                ? FeedAddresses.atom(properties.publicUrl(), token)
                : FeedAddresses.rss(properties.publicUrl(), token);
    }

    private String alertUrl(AlertFeed alert) {
        return base() + "/alerts?subscription=" + alert.subscriptionId();
    }

    private String articleUrl(String articleId) {
        // as alert messages link it
        return base() + "/articles/"
                + java.net.URLEncoder.encode(articleId, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20");
    }

    private String base() {
        return FeedAddresses.base(properties.publicUrl());
    }
}
