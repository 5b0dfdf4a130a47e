/** The public page where an email recipient confirms an owner's alerts and reports to their address. */
@NullMarked
package org.outpost.dashboard.confirm;

import org.jspecify.annotations.NullMarked;
