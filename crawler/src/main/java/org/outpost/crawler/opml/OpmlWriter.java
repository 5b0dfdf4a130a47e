package org.outpost.crawler.opml;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.outpost.crawler.source.Source;
import org.outpost.crawler.source.SourceType;

/**
 * Every source as OPML 2.0: one {@code outline} each with its name, its type ({@code rss},
 * {@code atom}, {@code sitemap}, {@code html}, {@code folder}) and its address, in {@code xmlUrl}
 * for feeds and sitemaps (what feed readers look for) and in {@code url} for the others.
 */
public final class OpmlWriter {

    private OpmlWriter() {}

    public static String write(List<Source> sources, Instant now) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n");
        xml.append("  <head>\n    <title>Outpost sources</title>\n    <dateCreated>")
                .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)))
                .append("</dateCreated>\n  </head>\n  <body>\n");
        for (Source s : sources) {
            boolean listing =
                    s.type() == SourceType.RSS || s.type() == SourceType.ATOM || s.type() == SourceType.SITEMAP;
            xml.append("    <outline text=\"")
                    .append(escape(s.name()))
                    .append("\" title=\"")
                    .append(escape(s.name()))
                    .append("\" type=\"")
                    .append(s.type().key())
                    .append(listing ? "\" xmlUrl=\"" : "\" url=\"")
                    .append(escape(s.url()))
                    .append('"');
            if (s.language() != null) {
                xml.append(" language=\"").append(escape(s.language())).append('"');
            }
            xml.append("/>\n");
        }
        return xml.append("  </body>\n</opml>\n").toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("&#10;");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
