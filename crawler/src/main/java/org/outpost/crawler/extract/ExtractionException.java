package org.outpost.crawler.extract;

/**
 * The page has no article to take: a listing or index page, an empty or error page, or too
 * little main text to be worth storing. The message says which, for the crawl run's record.
 */
public final class ExtractionException extends Exception {

    public ExtractionException(String message) {
        super(message);
    }
}
