/** The ingest pipeline as stages (classify, recognise copies, bulk index, publish) and the durable queue for an unavailable index. */
@NullMarked
package org.outpost.crawler.ingest;

import org.jspecify.annotations.NullMarked;
