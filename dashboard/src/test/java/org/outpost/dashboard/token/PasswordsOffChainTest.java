package org.outpost.dashboard.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.config.Customizer.withDefaults;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.Filter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;

/**
 * {@code outpost.security.api-basic-auth=false} on a real security filter chain with HTTP Basic
 * and a right password: the request is still turned away, saying to use a token. A small context
 * of its own (no Vaadin, no database: a Basic request never reaches the token check), since the
 * shared test app runs with the default, Basic on, and a second full app would cost minutes.
 */
@SpringJUnitWebConfig(PasswordsOffChainTest.ApiChain.class)
class PasswordsOffChainTest {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.standaloneSetup(new Hello())
                .apply(SecurityMockMvcConfigurers.springSecurity(
                        context.getBean("springSecurityFilterChain", Filter.class)))
                .build();
    }

    @Test
    void theRightPasswordIsAnswered401SayingToUseAToken() throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        get("/api/v1/hello").header("Authorization", basic("analyst", "right-password")))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.getContentAsString())
                .contains("turned off", "Authorization: Bearer")
                .doesNotContain("hello");
    }

    @Test
    void withTheSettingOnTheSamePasswordIsAccepted() throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        get("/on/hello").header("Authorization", basic("analyst", "right-password")))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("hello");
    }

    @Test
    void aRequestWithoutCredentialsIsStillRefused() throws Exception {
        assertThat(mvc.perform(get("/api/v1/hello")).andReturn().getResponse().getStatus())
                .isEqualTo(401);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class ApiChain {

        @Bean
        @Order(1)
        SecurityFilterChain api(HttpSecurity http) throws Exception {
            return chain(http, "/api/**", false);
        }

        @Bean
        @Order(2)
        SecurityFilterChain on(HttpSecurity http) throws Exception {
            return chain(http, "/on/**", true);
        }

        /** As the app's API chain (SecurityConfiguration): tokens, then HTTP Basic. */
        private static SecurityFilterChain chain(HttpSecurity http, String paths, boolean basic) throws Exception {
            ApiTokenConfigurer tokens = new ApiTokenConfigurer(
                    new TokenVerifier(new JdbcTemplate()), new ApiAuthenticationProperties(basic));
            return http.securityMatcher(paths)
                    .with(tokens, withDefaults())
                    .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .httpBasic(withDefaults())
                    .build();
        }

        @Bean
        InMemoryUserDetailsManager users() {
            return new InMemoryUserDetailsManager(User.withUsername("analyst")
                    .password("{noop}right-password")
                    .roles("ANALYST")
                    .build());
        }
    }

    @RestController
    static class Hello {

        @GetMapping({"/api/v1/hello", "/on/hello"})
        String hello() {
            return "hello";
        }
    }
}
