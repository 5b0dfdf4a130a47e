package org.outpost.dashboard.article.api;

/** Turns highlighter HTML (escaped text with mark tags) back into plain text. */
final class HtmlText {

    private HtmlText() {}

    static String toPlain(String html) {
        return html.replace("<mark>", "")
                .replace("</mark>", "")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#x27;", "'")
                .replace("&#x2F;", "/")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
