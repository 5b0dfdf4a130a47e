/**
 * Alerts in the app: the subscriptions and notifications REST API ({@code api}), the Alerts and
 * Notifications views and the bell ({@code ui}), over the alerts module's facades. Alerts are
 * personal, so every signed-in user, viewers included, manages their own subscriptions.
 */
@NullMarked
package org.outpost.dashboard.alert;

import org.jspecify.annotations.NullMarked;
