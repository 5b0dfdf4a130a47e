/** First-seen alerts: entities of the gazetteer named for the first time in a while, in several sources. */
@NullMarked
package org.outpost.alerts.newname;

import org.jspecify.annotations.NullMarked;
