package org.outpost.crawler.crawl;

/** The source's own listing (feed, sitemap, listing page, folder) could not be read: the run fails with this reason. */
final class DiscoveryException extends Exception {

    private final String kind;

    DiscoveryException(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    String kind() {
        return kind;
    }
}
