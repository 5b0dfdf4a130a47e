/** Loads the sample corpus into an empty installation, once. */
@NullMarked
package org.outpost.dashboard.corpus;

import org.jspecify.annotations.NullMarked;
