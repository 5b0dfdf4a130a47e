/** Sources in the app: the REST API and the Sources view over the crawler module's facade. */
@NullMarked
package org.outpost.dashboard.source;

import org.jspecify.annotations.NullMarked;
