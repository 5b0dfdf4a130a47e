/** Records of crawl runs: counters, errors with reasons, health of a source. */
@NullMarked
package org.outpost.crawler.run;

import org.jspecify.annotations.NullMarked;
