/** Sources analysts follow: definitions, validation, storage and the default list. */
@NullMarked
package org.outpost.crawler.source;

import org.jspecify.annotations.NullMarked;
