package org.outpost.dashboard.feed;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Feeds are read by feed readers, which have no Outpost account: the token in the address is the
 * credential. No session, no sign-in page, nothing but GET.
 */
@Configuration(proxyBeanMethods = false)
class FeedSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain feedFilterChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/feeds/**")
                .authorizeHttpRequests(a -> a.requestMatchers(org.springframework.http.HttpMethod.GET, "/feeds/*")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
