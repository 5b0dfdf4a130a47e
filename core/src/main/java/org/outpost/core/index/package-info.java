/** The Elasticsearch article index: its mapping, bulk indexing and the queries the product runs. */
@NamedInterface("index")
@NullMarked
package org.outpost.core.index;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
