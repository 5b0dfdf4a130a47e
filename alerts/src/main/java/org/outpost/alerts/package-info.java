/** Alerts: subscriptions, matching, spike detection, delivery and scheduled reports. Depends on core only; never on the crawler. */
@NullMarked
package org.outpost.alerts;

import org.jspecify.annotations.NullMarked;
