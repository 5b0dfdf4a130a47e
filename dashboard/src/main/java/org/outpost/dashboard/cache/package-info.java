/** Short-lived caches of the dashboard's aggregations that are the same for every reader, dropped when articles arrive. */
@NullMarked
package org.outpost.dashboard.cache;

import org.jspecify.annotations.NullMarked;
