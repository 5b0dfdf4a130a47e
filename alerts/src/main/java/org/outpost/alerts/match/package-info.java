/** Matching indexed articles against instant subscriptions in memory (Lucene monitor). */
@NullMarked
package org.outpost.alerts.match;

import org.jspecify.annotations.NullMarked;
