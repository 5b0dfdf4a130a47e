/** Article volume over time per topic: the trends API. */
@NullMarked
package org.outpost.dashboard.trend;

import org.jspecify.annotations.NullMarked;
