/** The audit log's panel in the Users view. */
@NullMarked
package org.outpost.dashboard.audit.ui;

import org.jspecify.annotations.NullMarked;
