/** The ingest pipeline: dedup, scoring, bulk indexing, the durable queue for an unavailable index, events. */
@NullMarked
package org.outpost.crawler.ingest;

import org.jspecify.annotations.NullMarked;
