/** Connecting to Elasticsearch: a cluster given by URL, or a local node this process starts itself. */
@NamedInterface("elasticsearch")
@NullMarked
package org.outpost.core.elasticsearch;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
