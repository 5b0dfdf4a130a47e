/**
 * Polite, bounded HTTP fetching for the crawler.
 *
 * <p>{@link org.outpost.crawler.fetch.PageFetcher} is the only entry point; everything else in the
 * package is a small helper with one job (address guard, per-host throttle, robots cache, body
 * reader, charset detection).
 */
@NullMarked
package org.outpost.crawler.fetch;

import org.jspecify.annotations.NullMarked;
