package org.outpost.core.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Derives stable article identifiers, so that importing or crawling the same article twice
 * overwrites one document instead of adding a second.
 */
public final class ArticleId {

    private ArticleId() {}

    /** The id of an article known by its (canonical) URL; scheme and host case and a trailing slash do not matter. */
    public static String fromUrl(String url) {
        return "u" + sha256(normaliseUrl(url)).substring(0, 31);
    }

    /** The id of an article without a URL: its source and its normalised content. */
    public static String fromContent(String source, String title, String body) {
        return "c"
                + sha256(source.strip().toLowerCase(Locale.ROOT) + "\n" + normaliseText(title) + "\n"
                                + normaliseText(body))
                        .substring(0, 31);
    }

    /** Hash of the normalised title and body: unchanged when only whitespace or case changed. */
    public static String contentHash(String title, String body) {
        return sha256(normaliseText(title) + "\n" + normaliseText(body));
    }

    static String normaliseUrl(String url) {
        String trimmed = url.strip();
        try {
            URI uri = new URI(trimmed);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return trimmed;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1
                    || (port == 80 && "http".equalsIgnoreCase(uri.getScheme()))
                    || (port == 443 && "https".equalsIgnoreCase(uri.getScheme()));
            // http and https serve the same article on news sites: they share one id
            return uri.getHost().toLowerCase(Locale.ROOT)
                    + (defaultPort ? "" : ":" + port)
                    + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            return trimmed;
        }
    }

    static String normaliseText(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
