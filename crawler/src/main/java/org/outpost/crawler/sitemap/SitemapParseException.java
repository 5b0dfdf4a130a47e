package org.outpost.crawler.sitemap;

/** The bytes are not a sitemap; the message says why, for the source's run record. */
public class SitemapParseException extends Exception {

    public SitemapParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
