/** The article index's mapping upgrade as the app runs it: started at boot, copied by re-scoring, then switched. */
@NullMarked
package org.outpost.dashboard.index;

import org.jspecify.annotations.NullMarked;
