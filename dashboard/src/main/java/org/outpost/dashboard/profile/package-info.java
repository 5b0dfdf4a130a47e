/** The user profile: confirmed email address, time zone, interface language and default quiet hours. */
@NullMarked
package org.outpost.dashboard.profile;

import org.jspecify.annotations.NullMarked;
