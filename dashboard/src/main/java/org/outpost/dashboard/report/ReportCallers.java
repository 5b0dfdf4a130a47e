package org.outpost.dashboard.report;

import org.outpost.alerts.report.ReportService;
import org.springframework.security.core.Authentication;

/** Who is asking, in the terms of the report service: admins see all, viewers only read. */
public final class ReportCallers {

    private ReportCallers() {}

    public static ReportService.Caller of(Authentication user) {
        boolean admin = has(user, "ROLE_ADMIN");
        return new ReportService.Caller(user.getName(), admin, !(admin || has(user, "ROLE_ANALYST")));
    }

    private static boolean has(Authentication user, String authority) {
        return user.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
