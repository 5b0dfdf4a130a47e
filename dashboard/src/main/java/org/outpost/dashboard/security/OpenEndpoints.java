package org.outpost.dashboard.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The filter chain of addresses that callers without an Outpost account reach (feed readers, WebSub hubs): what
 * they present in the address or the request is the credential, checked by the controller. They have no session
 * and cannot carry a CSRF token, so the chain keeps none, and it opens only the methods named: anything else in
 * its area is refused.
 */
public final class OpenEndpoints {

    private OpenEndpoints() {}

    /**
     * @param area what the chain answers for ({@code /feeds/**}); it must be ordered before the sign-in chain
     * @param path the open addresses within it ({@code /feeds/*})
     * @param methods the methods open on them
     */
    public static SecurityFilterChain chain(HttpSecurity http, String area, String path, HttpMethod... methods)
            throws Exception {
        return http.securityMatcher(area)
                .authorizeHttpRequests(a -> {
                    for (HttpMethod method : methods) {
                        a.requestMatchers(method, path).permitAll();
                    }
                    a.anyRequest().denyAll();
                })
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
