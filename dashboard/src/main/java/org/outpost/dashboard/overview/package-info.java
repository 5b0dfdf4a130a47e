/** The live overview: volume per topic over time, changes, spikes, top entities and sources, latest articles. */
@NullMarked
package org.outpost.dashboard.overview;

import org.jspecify.annotations.NullMarked;
