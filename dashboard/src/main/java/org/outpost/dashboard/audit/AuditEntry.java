package org.outpost.dashboard.audit;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One row of the audit log.
 *
 * @param principal who acted ("system" for the application itself)
 * @param type what happened: {@code AUTHENTICATION_SUCCESS}, {@code USER_DISABLED}, ...
 * @param target the account acted upon, when it is not the principal's own
 * @param clientAddress where the request came from, when the action came with one
 * @param data details, without any secret
 */
public record AuditEntry(
        long id,
        Instant time,
        String principal,
        String type,
        @Nullable String target,
        @Nullable String clientAddress,
        Map<String, Object> data) {}
