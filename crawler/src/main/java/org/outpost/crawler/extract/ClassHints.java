package org.outpost.crawler.extract;

import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * What an element's class and id say about it. Templates name their boxes honestly far more
 * often than not ("comments", "related-posts", "article-body"), so the names are the cheapest
 * strong evidence there is; the patterns follow Mozilla Readability's, widened with the
 * cookie, newsletter and share boxes of today's news sites.
 */
final class ClassHints {

    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|post|text|txt|blog|story|news-?item|material|publication",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|hidden|banner|combx|comment(?!ar)|com-|contact|footer|gdpr|masthead|outbrain|promo|related|scroll|share"
                    + "|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|nav|menu|cookie|consent|subscri"
                    + "|newsletter|social|advert|breadcrumb|popular|trending|most-?read|read-?more|recommend|caption"
                    + "|credit|modal|popup|teaser|byline|author-?bio|signup",
            Pattern.CASE_INSENSITIVE);
    /** Boxes removed before scoring unless their name also suggests content. */
    private static final Pattern UNLIKELY = Pattern.compile(
            "-ad-|ai2html|banner|breadcrumb|combx|comment(?!ar)|komment|(?:^|[\\s_-])comms?(?:$|[\\s_-])|community"
                    + "|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar"
                    + "|skyscraper|social|sponsor|supplemental"
                    + "|ad-break|agegate|pagination|pager|popup|cookie|consent|newsletter|subscri|share|sharing|promo"
                    + "|popular|trending|most-?read|widget|modal|navbar|topbar|toolbar|ticker|signup",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern MAYBE_CONTENT =
            Pattern.compile("and|article|body|column|content|main|shadow|story", Pattern.CASE_INSENSITIVE);
    /** Boxes that are never article text whatever else their name says ("article-share", "post-comments"). */
    private static final Pattern JUNK = Pattern.compile(
            // "comm" and "komment" are how Russian-language CMS templates name the comment thread
            "comment(?!ar)|komment|(?:^|[\\s_-])comms?(?:$|[\\s_-])|disqus|cookie|consent|gdpr|newsletter|subscri|share|sharing"
                    + "|social|related|promo|sponsor"
                    + "|popular|trending|most-?read|advert|modal|popup|breadcrumb|pagination|author-?bio|signup"
                    + "|read-?more|recommend|outbrain|taboola",
            Pattern.CASE_INSENSITIVE);
    /** Advertising names too short to look for inside other words ("ad" is in "head", "shadow", "breadcrumb"). */
    private static final Pattern AD_TOKEN = Pattern.compile(
            "(?:^|[\\s_-])(?:ad|ads|adv|adblock|adsense|adsbygoogle|dfp|banner-ad)(?:$|[\\s_-])",
            Pattern.CASE_INSENSITIVE);
    /** Class tokens of the byline, dateline and "published/updated" lines around a story. */
    private static final Pattern META_TOKEN = Pattern.compile(
            "(?:^|[\\s])(?:[\\w-]*[-_])?(?:date|time|timestamp|pubdate|published|updated|dateline|byline|author|authors"
                    + "|meta|caption|credit|photo-?credit|source-?photo)(?:[-_][\\w-]*)?(?=$|\\s)",
            Pattern.CASE_INSENSITIVE);

    private ClassHints() {}

    static String of(Element element) {
        return element.className() + " " + element.id();
    }

    /** Readability's class weight: +25 for a content-like name, -25 for a boilerplate-like one, per attribute. */
    static int weight(Element element) {
        int weight = 0;
        for (String name : new String[] {element.className(), element.id()}) {
            if (name.isEmpty()) {
                continue;
            }
            if (NEGATIVE.matcher(name).find() || AD_TOKEN.matcher(name).find()) {
                weight -= 25;
            }
            if (POSITIVE.matcher(name).find()) {
                weight += 25;
            }
        }
        if ("articleBody".equals(element.attr("itemprop"))) {
            weight += 25;
        }
        return weight;
    }

    static boolean unlikely(Element element) {
        if (unnamed(element)) {
            return false;
        }
        String hint = of(element);
        if (JUNK.matcher(hint).find() || AD_TOKEN.matcher(hint).find()) {
            return true;
        }
        return UNLIKELY.matcher(hint).find() && !MAYBE_CONTENT.matcher(hint).find();
    }

    static boolean junk(Element element) {
        if (unnamed(element)) {
            return false;
        }
        String hint = of(element);
        return JUNK.matcher(hint).find() || AD_TOKEN.matcher(hint).find();
    }

    static boolean metadata(Element element) {
        return !unnamed(element)
                && (META_TOKEN.matcher(element.className()).find()
                        || META_TOKEN.matcher(element.id()).find());
    }

    /** Most elements have neither class nor id; they skip the patterns, which matters on huge pages. */
    private static boolean unnamed(Element element) {
        return !element.hasAttr("class") && !element.hasAttr("id");
    }
}
