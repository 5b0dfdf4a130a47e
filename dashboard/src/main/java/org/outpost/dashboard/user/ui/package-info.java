/** The admin page for user accounts. */
@NullMarked
package org.outpost.dashboard.user.ui;

import org.jspecify.annotations.NullMarked;
