/** Deliveries: the log, planning with storm control, retries, and the email, webhook and in-app channels. */
@NullMarked
package org.outpost.alerts.delivery;

import org.jspecify.annotations.NullMarked;
