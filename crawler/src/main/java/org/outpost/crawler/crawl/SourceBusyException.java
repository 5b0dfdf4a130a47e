package org.outpost.crawler.crawl;

import org.springframework.modulith.NamedInterface;

/** The source is being crawled by another run (here or on another instance). */
@NamedInterface("run")
public final class SourceBusyException extends RuntimeException {

    public SourceBusyException(String source) {
        super("Source '" + source + "' is being crawled already");
    }
}
