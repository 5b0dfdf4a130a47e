package org.outpost.alerts.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Packs a message for Telegram (HTML parse mode) into as few messages as its 4096-character limit
 * allows: the heading opens the first, entries follow whole (never cut inside a tag), each part
 * after the first says which it is, and past {@code maxParts} the rest is named by one line.
 */
final class TelegramText {

    /** Telegram's limit counts the text after its tags are parsed: the HTML's own length is never less. */
    static final int LIMIT = 4096;
    /** Room kept for "(2/3) " and the last part's "… and N more" line. */
    private static final int RESERVE = 400;

    private TelegramText() {}

    /**
     * @param heading HTML that opens the first part
     * @param entries one HTML block per article, each well under the limit
     * @param footer HTML that closes the last part
     * @param more the line naming what did not fit, given how many entries were left out
     */
    static List<String> parts(
            String heading, List<String> entries, String footer, int maxParts, IntFunction<String> more) {
        int budget = LIMIT - RESERVE - footer.length();
        List<StringBuilder> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder(heading);
        int left = 0;
        for (int i = 0; i < entries.size(); i++) {
            // one that could not share a part even with the heading is cut to fit (never inside a tag)
            int room = budget - heading.length() - 2;
            String entry = entries.get(i).length() > room ? plain(entries.get(i), room) : entries.get(i);
            if (current.length() + 2 + entry.length() > budget && !current.isEmpty()) {
                if (parts.size() + 1 >= maxParts) {
                    left = entries.size() - i;
                    break;
                }
                parts.add(current);
                current = new StringBuilder();
            }
            if (!current.isEmpty()) {
                current.append("\n\n");
            }
            current.append(entry);
        }
        if (left > 0) {
            current.append("\n\n").append(more.apply(left));
        }
        current.append("\n\n").append(footer);
        parts.add(current);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            out.add(
                    parts.size() == 1
                            ? parts.get(i).toString()
                            : "(" + (i + 1) + "/" + parts.size() + ") " + parts.get(i));
        }
        return out;
    }

    /**
     * An entry too long for a message (text of many escaped characters): its text without links,
     * cut so that even escaped it fits, rather than a cut inside a tag Telegram would refuse.
     */
    static String plain(String html, int max) {
        String text = html.replaceAll("<[^>]+>", "")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
        int keep = max / "&quot;".length() - 1;
        return escape(text.length() > keep ? text.substring(0, keep) + "…" : text);
    }

    /** Telegram's HTML needs only these three escaped (and the quote inside an attribute). */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String link(String url, String text) {
        return "<a href=\"" + escape(url) + "\">" + escape(text) + "</a>";
    }
}
