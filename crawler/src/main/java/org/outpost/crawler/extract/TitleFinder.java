package org.outpost.crawler.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * The headline: {@code og:title}, the JSON-LD headline, the first {@code <h1>}, then
 * {@code <title>}, with the site name the page appends or prepends (" | Site", " - Site",
 * " — Site", "Site :: ") taken off.
 */
final class TitleFinder {

    private static final String[] SEPARATORS = {" | ", " — ", " – ", " - ", " :: ", " « ", " » ", " / ", " · "};
    /** Separators a headline itself never uses, so a short segment after one is the site or the section. */
    private static final java.util.Set<String> NEVER_IN_HEADLINES = java.util.Set.of(" | ", " :: ", " » ", " « ");

    private TitleFinder() {}

    static String find(Document page, JsonLd jsonLd, URI pageUri) {
        List<String> siteNames = siteNames(page, jsonLd, pageUri);
        String h1 = firstH1(page, siteNames);
        for (String candidate : new String[] {
            meta(page, "meta[property=og:title]"),
            jsonLd.headline(),
            h1,
            page.title(),
            meta(page, "meta[name=twitter:title]")
        }) {
            if (candidate != null && !DomText.collapse(candidate).isEmpty()) {
                return withoutSiteName(DomText.collapse(candidate), siteNames, h1);
            }
        }
        return "";
    }

    static String withoutSiteName(String title, List<String> siteNames, @Nullable String h1) {
        String current = title;
        for (boolean changed = true; changed; ) {
            changed = false;
            for (String separator : SEPARATORS) {
                String shorter = strip(current, separator, siteNames, h1);
                if (shorter != null) {
                    current = shorter;
                    changed = true;
                    break;
                }
            }
        }
        return current;
    }

    private static @Nullable String strip(String title, String separator, List<String> siteNames, @Nullable String h1) {
        int last = title.lastIndexOf(separator);
        if (last > 0) {
            String head = title.substring(0, last).strip();
            String tail = title.substring(last + separator.length()).strip();
            if (isSiteName(tail, siteNames)
                    || NEVER_IN_HEADLINES.contains(separator) && DomText.words(tail) <= 5 && DomText.words(head) >= 3
                    || h1 != null && DomText.comparable(head).equals(DomText.comparable(h1))) {
                return head;
            }
        }
        int first = title.indexOf(separator);
        if (first > 0) {
            String head = title.substring(0, first).strip();
            String tail = title.substring(first + separator.length()).strip();
            if (isSiteName(head, siteNames)
                    || h1 != null && DomText.comparable(tail).equals(DomText.comparable(h1))) {
                return tail;
            }
        }
        return null;
    }

    private static boolean isSiteName(String segment, List<String> siteNames) {
        String squeezed = squeeze(segment);
        if (squeezed.length() < 2) {
            return false;
        }
        for (String name : siteNames) {
            String site = squeeze(name);
            if (site.length() >= 2
                    && (site.equals(squeezed)
                            || site.length() >= 4
                                    && squeezed.length() >= 4
                                    && (site.contains(squeezed) || squeezed.contains(site)))) {
                return true;
            }
        }
        return false;
    }

    /** "Pamir Wire", "pamirwire.tj" and "PAMIR-WIRE" all squeeze to "pamirwire". */
    private static String squeeze(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        lower = lower.replaceFirst(
                "\\.(?:com|org|net|info|gov|kz|kg|uz|tj|tm|ru|af|int|eu|io|news|media)(?:\\.\\w{2})?$", "");
        return lower.replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static List<String> siteNames(Document page, JsonLd jsonLd, URI pageUri) {
        List<String> names = new ArrayList<>();
        for (String selector : new String[] {
            "meta[property=og:site_name]",
            "meta[name=application-name]",
            "meta[name=apple-mobile-web-app-title]",
            "meta[name=publisher]"
        }) {
            String name = meta(page, selector);
            if (name != null && !name.isBlank()) {
                names.add(name);
            }
        }
        names.addAll(jsonLd.siteNames());
        if (pageUri.getHost() != null) {
            names.add(pageUri.getHost());
        }
        return names;
    }

    /** Old templates make the logo an h1; the headline is the first h1 that is not the site's name. */
    private static @Nullable String firstH1(Document page, List<String> siteNames) {
        List<Element> h1s =
                new ArrayList<>(page.select("article h1, [itemprop=articleBody] h1, main h1, [role=main] h1"));
        h1s.addAll(page.select("h1"));
        for (Element h1 : h1s) {
            String text = DomText.collapse(h1.text());
            if (!text.isEmpty() && !(DomText.words(text) <= 4 && isSiteName(text, siteNames))) {
                return text;
            }
        }
        return null;
    }

    private static @Nullable String meta(Document page, String selector) {
        Element meta = page.selectFirst(selector + "[content]");
        return meta == null ? null : meta.attr("content");
    }
}
