/** Live updates: articles indexed while a page is open are pushed to it. */
@NullMarked
package org.outpost.dashboard.live;

import org.jspecify.annotations.NullMarked;
