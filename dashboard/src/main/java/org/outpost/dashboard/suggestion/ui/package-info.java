/** The clause suggestions page ({@code admin/topics/suggestions}). */
@NullMarked
package org.outpost.dashboard.suggestion.ui;

import org.jspecify.annotations.NullMarked;
