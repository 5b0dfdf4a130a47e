/** {@code /api/v1/subscriptions} and {@code /api/v1/notifications}: each caller sees only their own. */
@NullMarked
package org.outpost.dashboard.alert.api;

import org.jspecify.annotations.NullMarked;
