/** Alert feeds: any alert's matches as RSS/Atom at a private address whose token can be revoked. */
@NullMarked
package org.outpost.alerts.feed;

import org.jspecify.annotations.NullMarked;
