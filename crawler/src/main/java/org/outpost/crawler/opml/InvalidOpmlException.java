package org.outpost.crawler.opml;

/** The file is not OPML Outpost can read (not XML, no outlines, too large); the message says which. */
public final class InvalidOpmlException extends RuntimeException {

    public InvalidOpmlException(String message) {
        super(message);
    }
}
