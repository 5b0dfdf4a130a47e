package org.outpost.crawler.extract;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/** The text measures every stage of main-text extraction judges elements by. */
final class DomText {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B\\uFEFF]+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private DomText() {
    }

    /** Whitespace runs, including the no-break and zero-width spaces CMS editors leave, as one space. */
    static String collapse(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    static int length(Element element) {
        return collapse(element.text()).length();
    }

    /** Share of the element's text that sits inside links: near 1 for menus and teaser lists. */
    static double linkDensity(Element element) {
        int total = length(element);
        if (total == 0) {
            return 0;
        }
        int linked = 0;
        for (Element link : element.select("a")) {
            // an in-page anchor (footnote, "back to top") is not a way off the article
            double weight = link.attr("href").startsWith("#") ? 0.3 : 1;
            linked += (int) (collapse(link.text()).length() * weight);
        }
        return Math.min(1, (double) linked / total);
    }

    static int commas(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '\u060C' || c == '\uFF0C' || c == '\u3001') {
                count++;
            }
        }
        return count;
    }

    static int words(String text) {
        int count = 0;
        for (String token : NOT_WORD.split(text)) {
            if (!token.isEmpty()) {
                count++;
            }
        }
        return count;
    }

    /** Lower case, letters and digits only: for comparing a heading with the title, a byline with the author. */
    static String comparable(String text) {
        return NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
