package org.outpost.dashboard.audit;

import org.springframework.boot.actuate.security.AbstractAuthorizationAuditListener;
import org.springframework.security.authorization.event.AuthorizationEvent;
import org.springframework.stereotype.Component;

/**
 * Replaces Boot's authorization audit listener, which records every refused request: each
 * anonymous page load before the login redirect would be a row, so anyone could fill the table
 * without signing in. Sign-ins (bounded by the throttle) and account changes are what the log keeps.
 */
@Component
class NoAuthorizationAudit extends AbstractAuthorizationAuditListener {

    @Override
    public void onApplicationEvent(AuthorizationEvent event) {
        // deliberately nothing: see the class comment
    }
}
