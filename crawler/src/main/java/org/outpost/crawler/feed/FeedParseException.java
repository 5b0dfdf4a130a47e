package org.outpost.crawler.feed;

/** The bytes are not an RSS or Atom feed; the message says why, for the source's run record. */
public class FeedParseException extends Exception {

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
