/** One run of one source: discover article addresses (feed, sitemap, listing page, folder), fetch, extract, ingest. */
@NullMarked
package org.outpost.crawler.crawl;

import org.jspecify.annotations.NullMarked;
