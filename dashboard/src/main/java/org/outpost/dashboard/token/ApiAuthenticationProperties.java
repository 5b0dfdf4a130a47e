package org.outpost.dashboard.token;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How callers of {@code /api/**} authenticate, besides personal API tokens (always accepted).
 *
 * @param apiBasicAuth accept an account's user name and password (HTTP Basic) on the API; off,
 *     such requests are answered 401 saying to use a token
 */
@ConfigurationProperties("outpost.security")
public record ApiAuthenticationProperties(
        @DefaultValue("true") boolean apiBasicAuth) {}
