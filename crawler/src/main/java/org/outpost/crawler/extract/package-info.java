/** Extracting an article from an HTML page: canonical address, publication date (and, to come, title and main text). */
@NullMarked
package org.outpost.crawler.extract;

import org.jspecify.annotations.NullMarked;
