/** Reading trends: spikes in article volume against a trailing baseline. */
@NullMarked
package org.outpost.core.trend;

import org.jspecify.annotations.NullMarked;
