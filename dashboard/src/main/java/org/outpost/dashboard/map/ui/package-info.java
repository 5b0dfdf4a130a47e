/** The map panel of the Overview, the topic page and Explore. */
@NullMarked
package org.outpost.dashboard.map.ui;

import org.jspecify.annotations.NullMarked;
