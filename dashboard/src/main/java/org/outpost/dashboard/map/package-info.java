/**
 * The map of the region (issue 20): the shipped boundaries served to the browser, the counts of articles naming
 * each country, region and place in a period or a search, and what the map draws from them.
 */
@NullMarked
package org.outpost.dashboard.map;

import org.jspecify.annotations.NullMarked;
