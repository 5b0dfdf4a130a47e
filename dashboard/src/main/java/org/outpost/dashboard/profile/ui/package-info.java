/** The profile page ({@code /profile}) and the admins' profile dialog of the Users view. */
@NullMarked
package org.outpost.dashboard.profile.ui;

import org.jspecify.annotations.NullMarked;
