/** The Alerts view (subscriptions, their form with a preview, the delivery log), the Notifications view and the bell. */
@NullMarked
package org.outpost.dashboard.alert.ui;

import org.jspecify.annotations.NullMarked;
