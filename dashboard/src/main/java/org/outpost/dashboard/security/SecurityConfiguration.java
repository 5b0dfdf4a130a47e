package org.outpost.dashboard.security;

import static org.springframework.security.config.Customizer.withDefaults;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import javax.sql.DataSource;
import org.outpost.dashboard.token.ApiTokenConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Everything needs a login: the REST API by HTTP Basic or a personal API token (stateless, so no CSRF token), the UI by
 * its login page. Only health and Prometheus metrics are open, for load balancers and scrapers.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokenConfigurer tokens, SignInThrottle throttle)
            throws Exception {
        // stateless: every call authenticates again from the users table, so a disabled account or
        // a lost role counts from the next call on, on every instance
        return http.securityMatcher("/api/**")
                // personal API tokens (Bearer); password Basic turned away if a setting says so
                .with(tokens, withDefaults())
                .addFilterBefore(new SignInThrottleFilter(throttle), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers("/api/v1/admin/**")
                        .hasRole("ADMIN")
                        // everyone signed in reads sources; analysts and admins change them
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/sources/**")
                        .authenticated()
                        .requestMatchers("/api/v1/sources/**")
                        .hasAnyRole("ADMIN", "ANALYST")
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(jsonUnauthorized(tokens)))
                .exceptionHandling(e -> e.authenticationEntryPoint(jsonUnauthorized(tokens)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, SignInThrottle throttle) throws Exception {
        // health and Prometheus need no credentials, so scrapers never meet the throttle
        return http.securityMatcher("/actuator/**")
                .addFilterBefore(new SignInThrottleFilter(throttle), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(
                        a -> a.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                                .permitAll()
                                .anyRequest()
                                .hasRole("ADMIN"))
                .httpBasic(withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain uiSecurity(HttpSecurity http, SignInThrottle throttle, JdbcTemplate jdbc) throws Exception {
        http.addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        // after the session's sign-in is loaded, before anything is authorised with it
        http.addFilterAfter(new SessionAccountCheck(jdbc), SecurityContextHolderFilter.class);
        // Explore's export links are plain downloads in the signed-in session, outside Vaadin's routes
        http.authorizeHttpRequests(a -> a.requestMatchers("/export/**")
                .authenticated()
                // the map's shapes (GeoJSON), fetched by the signed-in page: Vaadin's defaults deny what no rule allows
                .requestMatchers("/map/shapes/*")
                .authenticated()
                // stylesheets of views (@StyleSheet on a component): Vaadin's defaults permit only
                // the app shell's styles.css, and a refused one leaves the page silently unstyled
                .requestMatchers("/*.css")
                .permitAll()
                // the error page renders what went wrong with a request already authorised (or refused) on its own
                // chain; guarding it again turned every escaped exception of the stateless API into a bare 403
                .requestMatchers("/error")
                .permitAll()
                .requestMatchers("/confirm/*") // email recipients confirming alerts have no account
                .permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class))
                .build();
    }

    @Bean
    JdbcUserDetailsManager userDetailsManager(DataSource dataSource) {
        return new JdbcUserDetailsManager(dataSource);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    private static AuthenticationEntryPoint jsonUnauthorized(ApiTokenConfigurer tokens) {
        return (request, response, exception) -> {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader("WWW-Authenticate", tokens.challenge());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401," + "\"detail\":\""
                            + tokens.howToAuthenticate() + "\"}");
        };
    }
}
