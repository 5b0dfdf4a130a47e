package org.outpost.crawler.extract;

import org.jsoup.nodes.Element;

/**
 * Tells an index page (a section front, a tag page, search results) from a story. Teaser
 * summaries are prose, so the scorer happily picks their box; what gives them away is the
 * rhythm: many linked headlines, or many {@code <article>} cards, each with little text.
 */
final class ListingPage {

    private static final int MIN_TEASERS = 3;
    private static final int MAX_CHARS_PER_LINKED_HEADLINE = 500;
    private static final int MAX_CHARS_PER_CARD = 700;

    private ListingPage() {
    }

    static boolean looksLikeListing(Element container) {
        int text = DomText.length(container);
        int linkedHeadlines = 0;
        for (Element heading : container.select("h1, h2, h3, h4, h5")) {
            int length = DomText.length(heading);
            if (length > 0 && heading.selectFirst("a[href]") != null && DomText.linkDensity(heading) >= 0.8) {
                linkedHeadlines++;
            }
        }
        if (linkedHeadlines >= MIN_TEASERS && text / linkedHeadlines < MAX_CHARS_PER_LINKED_HEADLINE) {
            return true;
        }
        int cards = container.select("article").size() - (container.normalName().equals("article") ? 1 : 0);
        return cards >= MIN_TEASERS && text / cards < MAX_CHARS_PER_CARD;
    }
}
