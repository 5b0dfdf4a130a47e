package org.outpost.dashboard.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.security.AbstractAuthenticationAuditListener;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sign-ins for the audit log, in place of Boot's listener: the same event types, with the client
 * address and, for a failure, why (never the password: the data holds the exception's type and
 * message). A stateless API client signs in with every call, so a Basic success is recorded once
 * per account and address in {@link AuditProperties#basicSignInInterval()}; a form sign-in and
 * every failure are recorded each time.
 */
@Component
class SignInAuditListener extends AbstractAuthenticationAuditListener {

    static final String SUCCESS = "AUTHENTICATION_SUCCESS";
    static final String FAILURE = "AUTHENTICATION_FAILURE";
    private static final int MAX_REMEMBERED = 10_000;

    private final AuditProperties properties;
    private final Map<String, Instant> lastBasicSuccess = new ConcurrentHashMap<>();

    SignInAuditListener(AuditProperties properties) {
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(AbstractAuthenticationEvent event) {
        String name = event.getAuthentication().getName();
        Map<String, Object> data = new LinkedHashMap<>();
        String address = address(event);
        if (address != null) {
            data.put(JdbcAuditLog.REMOTE_ADDRESS, address);
        }
        if (event instanceof AbstractAuthenticationFailureEvent failure) {
            data.put("type", failure.getException().getClass().getSimpleName());
            data.put("message", String.valueOf(failure.getException().getMessage()));
            data.put("method", basic() ? "basic" : "form");
            publish(new AuditEvent(name, FAILURE, data));
        } else if (event instanceof AuthenticationSuccessEvent) {
            boolean basic = basic();
            if (basic && recentlyRecorded(name + "|" + address)) {
                return;
            }
            data.put("method", basic ? "basic" : "form");
            publish(new AuditEvent(name, SUCCESS, data));
        }
    }

    private boolean recentlyRecorded(String key) {
        Instant now = Instant.now();
        Instant last = lastBasicSuccess.get(key);
        if (last != null && last.plus(properties.basicSignInInterval()).isAfter(now)) {
            return true;
        }
        if (lastBasicSuccess.size() > MAX_REMEMBERED) {
            lastBasicSuccess.clear(); // bounded: at worst a few extra rows
        }
        lastBasicSuccess.put(key, now);
        return false;
    }

    private static @Nullable String address(AbstractAuthenticationEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            return details.getRemoteAddress();
        }
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr()
                : null;
    }

    private static boolean basic() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            String header = request.getRequest().getHeader("Authorization");
            return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        }
        return false;
    }
}
