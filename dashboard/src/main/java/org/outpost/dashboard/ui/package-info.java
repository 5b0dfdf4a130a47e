/** The application frame (navigation, the signed-in user's menu) and what its pages share: list headers and grids, the period in the address, panels, loading. */
@NullMarked
package org.outpost.dashboard.ui;

import org.jspecify.annotations.NullMarked;
