package org.outpost.crawler.extract;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.outpost.core.net.WebLinks;

/**
 * The address an article is known by, so the same story reached through a feed, a listing and a
 * share link gets one id: {@code <link rel=canonical>}, then {@code og:url}, then the page's own
 * address; tracking parameters and the fragment removed.
 */
public final class CanonicalUrl {

    /** Click ids (Facebook, Google, Microsoft, Yandex), mailing ids, Openstat and analytics linkers. */
    private static final Set<String> TRACKING = Set.of(
            "fbclid",
            "gclid",
            "dclid",
            "gbraid",
            "wbraid",
            "msclkid",
            "yclid",
            "ysclid",
            "_openstat",
            "mc_cid",
            "mc_eid",
            "igshid",
            "_ga",
            "_gl",
            "_hsenc",
            "_hsmi",
            "mkt_tok",
            "ref_src",
            "twclid",
            "ttclid",
            "rb_clickid",
            "at_medium",
            "at_campaign",
            "ito");

    private static final Set<String> CHANNEL_NAMES = Set.of("from", "ref", "source", "src", "utm");
    private static final Set<String> CHANNELS = Set.of(
            "rss",
            "rss2",
            "feed",
            "atom",
            "yxnews",
            "ynews",
            "yandex",
            "zen",
            "dzen",
            "telegram",
            "tg",
            "twitter",
            "x",
            "vk",
            "ok",
            "fb",
            "facebook",
            "instagram",
            "whatsapp",
            "newsletter",
            "email",
            "mail",
            "push",
            "share",
            "social",
            "main",
            "mobile",
            "amp",
            "google",
            "gnews");

    private CanonicalUrl() {}

    public static URI of(Document page, URI pageUri) {
        for (String candidate : new String[] {
            attr(page.selectFirst("link[rel=canonical][href]"), "href"),
            attr(page.selectFirst("meta[property=og:url][content]"), "content")
        }) {
            if (candidate != null && !candidate.isBlank()) {
                try {
                    URI resolved = pageUri.resolve(new URI(candidate.strip()));
                    // javascript:, data:, file: (or "httpx:") would become the article's link
                    if (WebLinks.isWeb(resolved.toString()) && !isTemplateDefault(resolved, pageUri)) {
                        return withoutTracking(resolved);
                    }
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // a broken canonical link is the page's mistake: fall through to the next candidate
                }
            }
        }
        return withoutTracking(pageUri);
    }

    /**
     * Drops utm_*, click ids, mailing ids, counters' parameters and channel markers such as
     * {@code from=rss} or {@code ref=telegram}, and the fragment; keeps every other parameter in order.
     */
    public static URI withoutTracking(URI uri) {
        String query = uri.getRawQuery();
        String kept = query == null
                ? null
                : Arrays.stream(query.split("&"))
                        .filter(p -> !p.isEmpty() && !isTracking(p))
                        .collect(Collectors.joining("&"));
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        try {
            return new URI(uri.getScheme() + "://" + uri.getRawAuthority() + path
                            + (kept == null || kept.isEmpty() ? "" : "?" + kept))
                    .normalize();
        } catch (URISyntaxException e) {
            return uri;
        }
    }

    /**
     * A site's rel=canonical that names its home page on every article is a template default, not
     * the article's address: taken as is, every story of the site would get one id.
     */
    private static boolean isTemplateDefault(URI canonical, URI pageUri) {
        boolean canonicalIsRoot = canonical.getRawPath() == null
                || canonical.getRawPath().isEmpty()
                || canonical.getRawPath().equals("/");
        boolean pageIsRoot = pageUri.getRawPath() == null
                || pageUri.getRawPath().isEmpty()
                || pageUri.getRawPath().equals("/");
        return canonicalIsRoot && canonical.getRawQuery() == null && !pageIsRoot;
    }

    private static boolean isTracking(String parameter) {
        String[] pair = parameter.split("=", 2);
        String name = pair[0].toLowerCase(Locale.ROOT);
        String value = pair.length > 1 ? pair[1].toLowerCase(Locale.ROOT) : "";
        return name.startsWith("utm_")
                || TRACKING.contains(name)
                // "from", "ref" and "source" also carry real meaning on some sites; only a channel name marks tracking
                || CHANNEL_NAMES.contains(name) && CHANNELS.contains(value);
    }

    private static @org.jspecify.annotations.Nullable String attr(
            @org.jspecify.annotations.Nullable Element element, String name) {
        return element == null ? null : element.attr(name);
    }
}
