package org.outpost.dashboard.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes account changes reach open dashboard sessions on their next request, on every instance:
 * each request of a signed-in session compares the session's authorities with the database
 * (two key lookups). A disabled or deleted account's session ends (the Vaadin session with it,
 * so the browser is sent to the login page); an account that lost a role also has its session
 * ended, since views already open hold the rights they were opened with, and signs in again
 * with the role it has now; one that only gained a role gets it in place.
 */
class SessionAccountCheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionAccountCheck.class);

    private final JdbcTemplate jdbc;

    SessionAccountCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // asked per request: Vaadin's security configuration installs its own strategy after this
        // filter is made, and the context is in that one
        SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
        HttpSession session = request.getSession(false);
        Authentication auth = contexts.getContext().getAuthentication();
        if (session == null
                || auth == null
                || auth instanceof AnonymousAuthenticationToken
                || !auth.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        String username = auth.getName();
        Boolean enabled = jdbc.query(
                "select enabled from users where username = ?", rs -> rs.next() ? rs.getBoolean(1) : null, username);
        if (enabled == null || !enabled) {
            log.info(
                    "Ended the session of '{}': the account is {}", username, enabled == null ? "deleted" : "disabled");
            end(session, contexts);
            chain.doFilter(request, response);
            return;
        }
        Set<String> now = new TreeSet<>(
                jdbc.queryForList("select authority from authorities where username = ?", String.class, username));
        Set<String> held = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!now.equals(held)) {
            if (!now.containsAll(held)) {
                log.info("Ended the session of '{}': its roles changed from {} to {}", username, held, now);
                end(session, contexts);
            } else {
                // the roles from the database, the other authorities (how the user signed in) as they were
                List<GrantedAuthority> authorities = new ArrayList<>(auth.getAuthorities().stream()
                        .filter(a -> !a.getAuthority().startsWith("ROLE_"))
                        .toList());
                now.forEach(role -> authorities.add(new SimpleGrantedAuthority(role)));
                UsernamePasswordAuthenticationToken updated =
                        UsernamePasswordAuthenticationToken.authenticated(auth.getPrincipal(), null, authorities);
                updated.setDetails(auth.getDetails());
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(updated);
                contexts.setContext(context);
                session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
            }
        }
        chain.doFilter(request, response);
    }

    private static void end(HttpSession session, SecurityContextHolderStrategy contexts) {
        contexts.clearContext();
        try {
            session.invalidate();
        } catch (IllegalStateException e) {
            // invalidated meanwhile by a parallel request of the same browser: ended either way
        }
    }
}
