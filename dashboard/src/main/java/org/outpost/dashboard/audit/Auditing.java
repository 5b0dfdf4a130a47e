package org.outpost.dashboard.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Builds audit events for code that has no principal at hand: the signed-in user of this thread, or "system". */
public final class Auditing {

    public static final String SYSTEM = "system";

    private Auditing() {}

    /** The user this request runs for; "system" for scheduled work and start-up. */
    public static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()
                ? SYSTEM
                : auth.getName();
    }

    /** An event by the current actor; {@code keysAndValues} alternate, and must hold no secret. */
    public static AuditApplicationEvent byCurrentUser(String type, Object... keysAndValues) {
        return event(actor(), type, keysAndValues);
    }

    /** An event by {@code principal}; {@code keysAndValues} alternate, and must hold no secret. */
    public static AuditApplicationEvent event(String principal, String type, Object... keysAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            data.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
        }
        return new AuditApplicationEvent(principal, type, data);
    }
}
