package org.outpost.dashboard.websub;

import org.outpost.dashboard.security.OpenEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * WebSub hubs have no Outpost account and no session, so they cannot sign in nor carry a CSRF
 * token: {@code GET} and {@code POST} of {@code /websub/{id}} are open, and nothing else under
 * {@code /websub/}. The random id and the push's HMAC signature are the credentials (see
 * {@link WebSubCallbackController}).
 */
@Configuration(proxyBeanMethods = false)
class WebSubSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain webSubFilterChain(HttpSecurity http) throws Exception {
        return OpenEndpoints.chain(http, "/websub/**", "/websub/*", HttpMethod.GET, HttpMethod.POST);
    }
}
