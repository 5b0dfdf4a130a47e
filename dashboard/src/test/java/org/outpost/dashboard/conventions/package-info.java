/** Checks of the project's conventions across modules: documented settings, migration versions. */
@NullMarked
package org.outpost.dashboard.conventions;

import org.jspecify.annotations.NullMarked;
