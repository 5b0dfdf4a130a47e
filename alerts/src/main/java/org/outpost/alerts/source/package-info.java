/** Source alerts: silent and failing sources told to the users who follow source health, in Outpost and by email, once, with a recovery notice. */
@NullMarked
package org.outpost.alerts.source;

import org.jspecify.annotations.NullMarked;
