package org.outpost.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.UserDetailsManager;

/**
 * The module structure is a map of the application's insides: if Spring Modulith's actuator endpoint is
 * ever on the class path (spring-modulith-actuator; today it is not), only admins may read it.
 */
class ModulithActuatorTest extends OutpostAppTest {

    private static final String ENDPOINT = "/actuator/modulith";
    private static final String ANALYST = "modulith-analyst";

    @LocalServerPort
    int port;

    @Autowired
    UserDetailsManager users;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void anonymousReadersAreAskedToSignIn() throws Exception {
        HttpResponse<String> response = ApiClient.anonymous(port).get(ENDPOINT);
        // 401 from the actuator's chain; its error page then sends a browser to the login page
        assertThat(response.statusCode()).isIn(401, 302);
        assertThat(response.body()).doesNotContain("crawler");
    }

    @Test
    void analystsAreRefused() throws Exception {
        if (!users.userExists(ANALYST)) {
            users.createUser(User.withUsername(ANALYST)
                    .password(passwords.encode("secret-pass-1"))
                    .authorities(List.of(new SimpleGrantedAuthority("ROLE_ANALYST")))
                    .build());
        }
        assertThat(ApiClient.as(port, ANALYST, "secret-pass-1").get(ENDPOINT).statusCode())
                .isEqualTo(403);
    }

    @Test
    void adminsGetItOrNotFound() throws Exception {
        // 404 while the endpoint is not on the class path; 200 with the modules once it is
        assertThat(ApiClient.admin(port).get(ENDPOINT).statusCode()).isIn(200, 404);
    }
}
