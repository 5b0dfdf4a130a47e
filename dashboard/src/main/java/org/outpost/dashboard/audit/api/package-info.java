/** {@code /api/v1/admin/audit}: the audit log for admins. */
@NullMarked
package org.outpost.dashboard.audit.api;

import org.jspecify.annotations.NullMarked;
