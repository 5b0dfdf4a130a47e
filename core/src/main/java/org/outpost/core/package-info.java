/** Outpost's core: articles, text cleaning, the Elasticsearch article index and the local node launcher. */
@NullMarked
package org.outpost.core;

import org.jspecify.annotations.NullMarked;
