package org.outpost.alerts;

import org.jspecify.annotations.Nullable;

/** Text from crawled pages made safe for the HTML of alert emails and reports (which also becomes XHTML for PDFs). */
public final class HtmlText {

    private HtmlText() {}

    /** Escaped for XML text and attributes, without the characters XML forbids. */
    public static String escape(@Nullable String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (ch >= 0x20 || ch == '\n' || ch == '\t' || ch == '\r') {
                        if (ch != 0xFFFE && ch != 0xFFFF) {
                            out.append(ch);
                        }
                    }
                }
            }
        }
        return out.toString();
    }
}
