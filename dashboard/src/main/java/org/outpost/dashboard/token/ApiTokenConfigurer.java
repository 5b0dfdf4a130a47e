package org.outpost.dashboard.token;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.stereotype.Component;

/**
 * Adds personal API tokens to the API's security chain, and turns password Basic authentication
 * away there when {@code outpost.security.api-basic-auth} is off:
 * {@code http.with(apiTokens, withDefaults())}. For the API chain only: the UI signs in with its
 * form, and a token must not open a session there.
 */
@Component
public class ApiTokenConfigurer extends AbstractHttpConfigurer<ApiTokenConfigurer, HttpSecurity> {

    private final TokenVerifier tokens;
    private final ApiAuthenticationProperties properties;

    ApiTokenConfigurer(TokenVerifier tokens, ApiAuthenticationProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
    }

    /** Whether the API still accepts an account's password (HTTP Basic) besides tokens. */
    public boolean passwordsAccepted() {
        return properties.apiBasicAuth();
    }

    /** The answer's {@code WWW-Authenticate} when a request brings no credentials. */
    public String challenge() {
        return passwordsAccepted() ? "Basic realm=\"Outpost\"" : "Bearer realm=\"Outpost\"";
    }

    /** What the 401 of a request without credentials tells the caller to send. */
    public String howToAuthenticate() {
        return passwordsAccepted()
                ? "Log in with HTTP Basic (the user name and password of an Outpost account) or send a personal API"
                        + " token as 'Authorization: Bearer opt_...'."
                : PasswordsOffFilter.USE_A_TOKEN;
    }

    @Override
    public void configure(HttpSecurity http) {
        http.addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class);
        if (!passwordsAccepted()) {
            http.addFilterBefore(new PasswordsOffFilter(), BasicAuthenticationFilter.class);
        }
    }
}
