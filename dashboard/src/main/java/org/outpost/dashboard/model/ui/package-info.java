/** The Quality section of the Topics page: models side by side, training, switch and rollback. */
@NullMarked
package org.outpost.dashboard.model.ui;

import org.jspecify.annotations.NullMarked;
