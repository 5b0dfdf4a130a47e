/** Analysts' feedback on topic labels: right, wrong, missing topic, not relevant; stored per user, shown to admins, and used as training data. */
@NullMarked
package org.outpost.dashboard.feedback;

import org.jspecify.annotations.NullMarked;
