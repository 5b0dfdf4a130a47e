/** The Elasticsearch cluster: connection or local node, the article index's beans and settings, its daily care. */
@NullMarked
package org.outpost.dashboard.elasticsearch;

import org.jspecify.annotations.NullMarked;
