/** The event publication registry shared by the app instances: taking over what a dead one left unfinished. */
@NullMarked
package org.outpost.dashboard.events;

import org.jspecify.annotations.NullMarked;
