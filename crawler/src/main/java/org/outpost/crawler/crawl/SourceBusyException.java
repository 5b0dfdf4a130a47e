package org.outpost.crawler.crawl;

/** The source is being crawled by another run (here or on another instance). */
public final class SourceBusyException extends RuntimeException {

    public SourceBusyException(String source) {
        super("Source '" + source + "' is being crawled already");
    }
}
