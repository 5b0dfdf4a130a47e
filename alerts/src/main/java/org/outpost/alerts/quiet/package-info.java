/** Quiet hours: when a subscription's messages are held, and until when. */
@NullMarked
package org.outpost.alerts.quiet;

import org.jspecify.annotations.NullMarked;
