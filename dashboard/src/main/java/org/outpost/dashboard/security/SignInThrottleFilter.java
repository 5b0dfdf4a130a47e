package org.outpost.dashboard.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in attempt (an HTTP Basic header, or the login form's post) of a locked account
 * or from a locked address before the password is checked: 429 with {@code Retry-After} for
 * Basic, the login page with the time to wait for the form. Placed in the security chains just
 * before their authentication filter; requests without credentials pass untouched.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;

    SignInThrottleFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        boolean basic = header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        boolean form = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
        // probes of /actuator/health and /actuator/prometheus send no credentials and always pass;
        // credentials sent there are checked like anywhere, so they are throttled too (no oracle)
        if (!basic && !form) {
            chain.doFilter(request, response);
            return;
        }
        String username = basic ? basicUser(header) : request.getParameter("username");
        Optional<Duration> locked = throttle.locked(username, request.getRemoteAddr());
        if (locked.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, locked.get().toSeconds() + (locked.get().toNanosPart() > 0 ? 1 : 0));
        if (form) {
            response.sendRedirect(request.getContextPath() + "/login?locked=" + ((seconds + 59) / 60));
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                        + "\"detail\":\"Too many failed sign-ins for this account or from this address: try again in "
                        + seconds + " seconds, or ask an admin to unlock the account.\"}");
    }

    private static @Nullable String basicUser(String header) {
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null; // not Base64: Spring Security refuses it as it is
        }
    }
}
