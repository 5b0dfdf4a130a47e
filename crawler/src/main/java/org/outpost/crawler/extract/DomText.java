package org.outpost.crawler.extract;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/** The text measures every stage of main-text extraction judges elements by. */
final class DomText {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private DomText() {}

    /**
     * Whitespace runs, including the no-break and zero-width spaces CMS editors leave, as one
     * space. A loop rather than a regex: this runs on every candidate box of multi-megabyte pages.
     */
    static String collapse(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** jsoup's text() already joins whitespace runs, which is all a length measure needs. */
    static int length(Element element) {
        return element.text().length();
    }

    /** Share of the element's text that sits inside links: near 1 for menus and teaser lists. */
    static double linkDensity(Element element) {
        return linkDensity(element, length(element));
    }

    /** As {@link #linkDensity(Element)}, for a caller that has the element's text length already. */
    static double linkDensity(Element element, int total) {
        if (total == 0) {
            return 0;
        }
        double linked = 0;
        for (Element link : element.getElementsByTag("a")) {
            // an in-page anchor (footnote, "back to top") is not a way off the article
            double weight = link.attr("href").startsWith("#") ? 0.3 : 1;
            linked += link.text().length() * weight;
        }
        return Math.min(1, linked / total);
    }

    static boolean isHeading(Element element) {
        String tag = element.normalName();
        return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
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
