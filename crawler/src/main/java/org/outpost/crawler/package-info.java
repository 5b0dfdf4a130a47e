/** Crawling: sources, fetching, politeness, parsing, extraction and the ingest pipeline. Depends on core only; never on alerts. */
@NullMarked
package org.outpost.crawler;

import org.jspecify.annotations.NullMarked;
