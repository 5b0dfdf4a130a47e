/**
 * Extracting an article from an HTML page: main text (Readability-style scoring on jsoup, then
 * cleaning of share bars, related lists, comments and banners), title, author, publication date,
 * canonical address and language. Measured on the corpus in {@code src/test/resources/extraction}.
 */
@NullMarked
package org.outpost.crawler.extract;

import org.jspecify.annotations.NullMarked;
