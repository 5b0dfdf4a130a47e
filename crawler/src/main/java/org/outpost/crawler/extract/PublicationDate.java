package org.outpost.crawler.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * A page's publication date, from the most reliable place that has one: JSON-LD
 * {@code datePublished}, OpenGraph {@code article:published_time}, other meta tags and
 * {@code itemprop=datePublished}, a {@code <time datetime>}, then a date in the URL. Each
 * result says where it came from, for the crawl run's record.
 */
public final class PublicationDate {

    /** Where a date was found, most reliable first. */
    public enum Origin {
        JSON_LD,
        OPEN_GRAPH,
        META,
        TIME_ELEMENT,
        URL,
        TEXT
    }

    public record Found(Instant instant, Origin origin) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> META_NAMES = List.of(
            "pubdate",
            "publishdate",
            "publish-date",
            "date",
            "dc.date",
            "dc.date.issued",
            "dcterms.created",
            "sailthru.date",
            "parsely-pub-date",
            "article.published");
    private static final Pattern URL_DATE =
            Pattern.compile("/(20\\d{2}|19\\d{2})[/-](\\d{1,2})[/-](\\d{1,2})(?:/|-|$)");

    private PublicationDate() {}

    public static Optional<Found> find(Document page, URI uri) {
        Instant found = fromJsonLd(page);
        if (found != null) {
            return Optional.of(new Found(found, Origin.JSON_LD));
        }
        found = parse(attr(page.selectFirst("meta[property=article:published_time][content]"), "content"));
        if (found != null) {
            return Optional.of(new Found(found, Origin.OPEN_GRAPH));
        }
        for (Element meta : page.select("meta[name][content], meta[itemprop=datePublished][content]")) {
            String name = meta.attr("name").toLowerCase(java.util.Locale.ROOT);
            if (META_NAMES.contains(name) || "datePublished".equals(meta.attr("itemprop"))) {
                found = parse(meta.attr("content"));
                if (found != null) {
                    return Optional.of(new Found(found, Origin.META));
                }
            }
        }
        for (Element time : page.select("time[datetime]")) {
            found = parse(time.attr("datetime"));
            if (found != null) {
                return Optional.of(new Found(found, Origin.TIME_ELEMENT));
            }
        }
        Matcher m = URL_DATE.matcher(uri.getPath() == null ? "" : uri.getPath());
        if (m.find()) {
            try {
                LocalDate date = LocalDate.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                return Optional.of(new Found(date.atStartOfDay().toInstant(ZoneOffset.UTC), Origin.URL));
            } catch (java.time.DateTimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static @Nullable Instant fromJsonLd(Document page) {
        for (Element script : page.select("script[type=application/ld+json]")) {
            try {
                Instant found = search(JSON.readTree(script.data()));
                if (found != null) {
                    return found;
                }
            } catch (java.io.IOException e) {
                // broken JSON-LD is common; the other sources still count
            }
        }
        return null;
    }

    private static @Nullable Instant search(JsonNode node) {
        if (node.isArray()) {
            for (JsonNode item : node) {
                Instant found = search(item);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        Instant direct = parse(node.path("datePublished").asText(null));
        if (direct != null) {
            return direct;
        }
        return node.has("@graph") ? search(node.get("@graph")) : null;
    }

    /** ISO-8601 with or without offset or time (a date alone is midnight UTC); null when implausible. */
    static @Nullable Instant parse(@Nullable String text) {
        return PlausibleDate.orNull(parseAny(text));
    }

    private static @Nullable Instant parseAny(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        // many CMSs write "2024-11-26 08:41:30Z": a space where ISO-8601 has a T
        String value = text.strip().replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:)", "$1T$2");
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx"))
                    .toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(value.length() >= 10 ? value.substring(0, 10) : value)
                    .atStartOfDay()
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    private static @Nullable String attr(@Nullable Element element, String name) {
        return element == null ? null : element.attr(name);
    }
}
