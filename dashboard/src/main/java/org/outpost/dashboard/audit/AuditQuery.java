package org.outpost.dashboard.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What to show of the audit log: every field may be left out.
 *
 * @param user the principal or the account acted upon
 * @param type an event type, exactly
 */
public record AuditQuery(
        @Nullable String user,
        @Nullable String type,
        @Nullable Instant from,
        @Nullable Instant to) {

    public static final AuditQuery ALL = new AuditQuery(null, null, null, null);
}
