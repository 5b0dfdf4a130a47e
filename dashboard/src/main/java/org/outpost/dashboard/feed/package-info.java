/** Alert feeds: an alert's matches as RSS 2.0 or Atom at a private, revocable address, and the API that manages it. */
@NullMarked
package org.outpost.dashboard.feed;

import org.jspecify.annotations.NullMarked;
