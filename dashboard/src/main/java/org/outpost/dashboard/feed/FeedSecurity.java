package org.outpost.dashboard.feed;

import org.outpost.dashboard.security.OpenEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
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
        return OpenEndpoints.chain(http, "/feeds/**", "/feeds/*", HttpMethod.GET);
    }
}
