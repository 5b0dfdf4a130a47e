package org.outpost.crawler.source;

import org.springframework.modulith.NamedInterface;

@NamedInterface("source")
public final class SourceNotFoundException extends RuntimeException {

    public SourceNotFoundException(long id) {
        super("No source with id " + id);
    }
}
