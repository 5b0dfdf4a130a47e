/** The audit log: security-relevant actions stored in the database, never with a secret, for admins to read. */
@NullMarked
package org.outpost.dashboard.audit;

import org.jspecify.annotations.NullMarked;
