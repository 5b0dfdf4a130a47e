package org.outpost.dashboard.token;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer opt_…} on the API chain. A refused token is answered
 * 401 at once, saying why (unknown, revoked, expired, owner disabled), rather than falling through
 * to anonymous; a read token's write is answered 403 naming the scope. Not a bean: a filter bean
 * would be registered for every URL, and tokens belong to the API only.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "bearer ";

    private final TokenVerifier tokens;
    private final SecurityContextRepository requestContexts = new RequestAttributeSecurityContextRepository();

    BearerTokenFilter(TokenVerifier tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        TokenCheck check = tokens.check(header.substring(BEARER.length()).strip());
        switch (check) {
            case TokenCheck.Refused refused -> {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Outpost\", error=\"invalid_token\"");
                ApiProblem.write(response, HttpStatus.UNAUTHORIZED, refused.reason());
            }
            case TokenCheck.Accepted accepted -> {
                ApiToken token = accepted.token();
                if (!token.scope().allows(request.getMethod())) {
                    response.setHeader(
                            HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Outpost\", error=\"insufficient_scope\"");
                    ApiProblem.write(
                            response,
                            HttpStatus.FORBIDDEN,
                            "API token " + TokenService.PREFIX + token.id() + " has the scope 'read': it may only"
                                    + " GET and HEAD. Use a read-write token to " + request.getMethod() + ".");
                    return;
                }
                // looked up per request: Vaadin installs its own strategy after the chain is built
                SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(new ApiTokenAuthentication(token, accepted.authorities()));
                contexts.setContext(context);
                // as Basic authentication does: the error dispatch of a refusal (a 403 of the
                // owner's role) reads the caller from here, else it is anonymous and redirected to the login page
                requestContexts.saveContext(context, request, response);
                try {
                    chain.doFilter(request, response);
                } finally {
                    contexts.clearContext();
                }
            }
        }
    }
}
