/** The application frame: navigation and the signed-in user's menu. */
@NullMarked
package org.outpost.dashboard.ui;

import org.jspecify.annotations.NullMarked;
