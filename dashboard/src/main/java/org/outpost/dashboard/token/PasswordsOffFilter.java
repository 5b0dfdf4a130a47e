package org.outpost.dashboard.token;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With {@code outpost.security.api-basic-auth=false}: answers HTTP Basic on the API with 401 and
 * the way to authenticate instead, before Basic authentication would check (and spend a bcrypt
 * on) the password.
 */
final class PasswordsOffFilter extends OncePerRequestFilter {

    static final String USE_A_TOKEN = "Password (HTTP Basic) authentication is turned off on this API"
            + " (outpost.security.api-basic-auth=false): send a personal API token as"
            + " 'Authorization: Bearer opt_...'. Create one under API tokens in the dashboard.";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "basic ", 0, 6)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Outpost\"");
            ApiProblem.write(response, HttpStatus.UNAUTHORIZED, USE_A_TOKEN);
            return;
        }
        chain.doFilter(request, response);
    }
}
