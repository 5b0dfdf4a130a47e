package org.outpost.crawler.source;

public final class SourceNotFoundException extends RuntimeException {

    public SourceNotFoundException(long id) {
        super("No source with id " + id);
    }
}
