package org.outpost.crawler.extract;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The address an article is known by, so the same story reached through a feed, a listing and a
 * share link gets one id: {@code <link rel=canonical>}, then {@code og:url}, then the page's own
 * address; tracking parameters and the fragment removed.
 */
public final class CanonicalUrl {

    private CanonicalUrl() {
    }

    public static URI of(Document page, URI pageUri) {
        for (String candidate : new String[] {attr(page.selectFirst("link[rel=canonical][href]"), "href"),
                attr(page.selectFirst("meta[property=og:url][content]"), "content")}) {
            if (candidate != null && !candidate.isBlank()) {
                try {
                    URI resolved = pageUri.resolve(new URI(candidate.strip()));
                    if (resolved.getScheme() != null && resolved.getScheme().toLowerCase(Locale.ROOT).startsWith("http")) {
                        return withoutTracking(resolved);
                    }
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // a broken canonical link is the page's mistake: fall through to the next candidate
                }
            }
        }
        return withoutTracking(pageUri);
    }

    /** Drops utm_*, click ids and mailing ids, and the fragment; keeps every other parameter in order. */
    public static URI withoutTracking(URI uri) {
        String query = uri.getRawQuery();
        String kept = query == null ? null : Arrays.stream(query.split("&"))
                .filter(p -> !p.isEmpty() && !isTracking(p.split("=", 2)[0].toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining("&"));
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        try {
            return new URI(uri.getScheme() + "://" + uri.getRawAuthority() + path
                    + (kept == null || kept.isEmpty() ? "" : "?" + kept)).normalize();
        } catch (URISyntaxException e) {
            return uri;
        }
    }

    private static boolean isTracking(String name) {
        return name.startsWith("utm_") || name.equals("fbclid") || name.equals("gclid") || name.equals("yclid")
                || name.equals("mc_cid") || name.equals("mc_eid") || name.equals("igshid") || name.equals("_ga");
    }

    private static @org.jspecify.annotations.Nullable String attr(@org.jspecify.annotations.Nullable Element element, String name) {
        return element == null ? null : element.attr(name);
    }
}
