/** Spike alerts: volume of a subscription's query against its trailing baseline. */
@NullMarked
package org.outpost.alerts.spike;

import org.jspecify.annotations.NullMarked;
