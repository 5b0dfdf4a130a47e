package org.outpost.crawler.fetch;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A parsed {@code Content-Type} header and the crawler's opinion of it. */
record ContentType(String mediaType, @Nullable Charset charset) {

    private static final Set<String> ACCEPTED = Set.of(
            "text/html",
            "application/xhtml+xml",
            "application/xml",
            "text/xml",
            "application/rss+xml",
            "application/atom+xml",
            "text/plain",
            // Compressed sitemaps are served as files, not with Content-Encoding.
            "application/x-gzip",
            "application/gzip");

    private static final String OCTET_STREAM = "application/octet-stream";

    private static final Pattern MARKUP_START = Pattern.compile(
            "^<(\\?xml|!doctype|html|head|body|rss|feed|urlset|sitemapindex|rdf:rdf|!--)", Pattern.CASE_INSENSITIVE);

    static final String ACCEPT_HEADER = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
            + "application/xml;q=0.9,text/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1";

    static @Nullable ContentType parse(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String[] parts = header.split(";");
        String media = parts[0].trim().toLowerCase(Locale.ROOT);
        Charset charset = null;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("charset")) {
                charset = TextDecoder.charsetOrNull(
                        p.substring(eq + 1).trim().replace("\"", "").replace("'", ""));
            }
        }
        return new ContentType(media, charset);
    }

    boolean accepted() {
        return ACCEPTED.contains(mediaType);
    }

    /** Generic binary types are accepted only when the body turns out to be HTML or XML. */
    boolean needsSniffing() {
        return mediaType.equals(OCTET_STREAM) || mediaType.isEmpty();
    }

    static boolean looksLikeMarkup(byte[] head) {
        String s = new String(head, StandardCharsets.ISO_8859_1);
        int i = 0;
        // Skip a UTF-8 BOM (as Latin-1 characters) and leading white space.
        if (s.startsWith("\u00ef\u00bb\u00bf")) {
            i = 3;
        }
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return MARKUP_START.matcher(s.substring(i)).find();
    }
}
