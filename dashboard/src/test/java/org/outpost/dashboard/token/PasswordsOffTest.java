package org.outpost.dashboard.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * {@code outpost.security.api-basic-auth=false}, without a second application context: the
 * filter the API chain then gets, and what the chain's 401 says. (The shared test app runs with
 * the default, Basic on, which TokenApiTest and the other API tests use.)
 */
class PasswordsOffTest {

    private final ApiTokenConfigurer off = new ApiTokenConfigurer(null, new ApiAuthenticationProperties(false));
    private final ApiTokenConfigurer on = new ApiTokenConfigurer(null, new ApiAuthenticationProperties(true));

    @Test
    void basicIsAnswered401SayingToUseATokenWithABearerChallenge() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/articles");
        request.addHeader("Authorization", "Basic YWRtaW46c2VjcmV0");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new PasswordsOffFilter().doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(new ObjectMapper()
                        .readTree(response.getContentAsString())
                        .path("detail")
                        .asText())
                .contains("turned off", "Authorization: Bearer");
        assertThat(chain.getRequest()).as("the password was never checked").isNull();
    }

    @Test
    void tokensAndAnonymousRequestsPassOn() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/articles");
        request.addHeader("Authorization", "Bearer opt_abcdefghij_xyz");
        MockFilterChain chain = new MockFilterChain();

        new PasswordsOffFilter().doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    @Test
    void theChallengeOfARequestWithoutCredentialsFollowsTheSetting() {
        assertThat(off.passwordsAccepted()).isFalse();
        assertThat(off.challenge()).startsWith("Bearer");
        assertThat(off.howToAuthenticate()).contains("turned off");
        assertThat(on.passwordsAccepted()).isTrue();
        assertThat(on.challenge()).startsWith("Basic");
        assertThat(on.howToAuthenticate()).contains("HTTP Basic", "Bearer");
    }
}
