/** Subscriptions: what a user asks to be told about, validated, stored and scheduled. */
@NullMarked
package org.outpost.alerts.subscription;

import org.jspecify.annotations.NullMarked;
