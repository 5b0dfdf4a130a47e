package org.outpost.crawler.extract;

import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Refuses pages nested deeper than any article page is. Main-text extraction reads the text of
 * each block it weighs, so its cost grows with depth × size: a hostile page of 20,000 nested
 * {@code <div>}s (120 KB) kept a crawler thread busy for a minute, and the size limit would allow
 * a million. Browsers flatten the tree past 512 levels; news pages stay well under 100.
 */
final class NestingLimit {

    static final int MAX_DEPTH = 512;

    private NestingLimit() {}

    static void check(Document page) throws ExtractionException {
        AtomicInteger deepest = new AtomicInteger();
        // jsoup's traversal is iterative, so measuring the depth costs one pass and no stack
        page.traverse((node, depth) -> {
            if (node instanceof Element && depth > deepest.get()) {
                deepest.set(depth);
            }
        });
        if (deepest.get() > MAX_DEPTH) {
            throw new ExtractionException("elements nested " + deepest.get() + " deep (more than " + MAX_DEPTH
                    + "): not an article page, and too costly to read");
        }
    }
}
