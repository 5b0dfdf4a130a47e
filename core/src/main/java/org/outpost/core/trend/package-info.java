/** Reading trends: spikes in article volume against a trailing baseline. */
@NamedInterface("trend")
@NullMarked
package org.outpost.core.trend;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
