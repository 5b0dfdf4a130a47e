/**
 * Live updates: articles indexed and notifications created while a page is open are pushed to it,
 * also when another app instance sharing the database made them.
 */
@NullMarked
package org.outpost.dashboard.live;

import org.jspecify.annotations.NullMarked;
