/** The admin System page. */
@NullMarked
package org.outpost.dashboard.status.ui;

import org.jspecify.annotations.NullMarked;
