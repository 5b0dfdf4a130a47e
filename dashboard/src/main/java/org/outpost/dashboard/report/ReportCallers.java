package org.outpost.dashboard.report;

import org.outpost.alerts.report.ReportService;
import org.outpost.core.index.QueryLimits;
import org.springframework.security.core.Authentication;

/** Who is asking, in the terms of the report service: admins see all, viewers only read. */
public final class ReportCallers {

    private ReportCallers() {}

    /** @param queryLimits what the user's query texts may ask ({@code QueryPolicy}) */
    public static ReportService.Caller of(Authentication user, QueryLimits queryLimits) {
        boolean admin = has(user, "ROLE_ADMIN");
        return new ReportService.Caller(user.getName(), admin, !(admin || has(user, "ROLE_ANALYST")), queryLimits);
    }

    private static boolean has(Authentication user, String authority) {
        return user.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
