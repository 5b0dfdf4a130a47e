/** Digests: hourly, daily and weekly collections of matches at the subscriber's local time. */
@NullMarked
package org.outpost.alerts.digest;

import org.jspecify.annotations.NullMarked;
