/** The public WebSub callback hubs call: intent verification (GET) and content distribution (POST). */
@NullMarked
package org.outpost.dashboard.websub;

import org.jspecify.annotations.NullMarked;
