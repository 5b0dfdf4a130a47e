/** Reading RSS and Atom feeds into entries, from bytes the fetcher already bounded. */
@NullMarked
package org.outpost.crawler.feed;

import org.jspecify.annotations.NullMarked;
