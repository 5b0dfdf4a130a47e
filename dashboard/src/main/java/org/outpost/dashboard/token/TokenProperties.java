package org.outpost.dashboard.token;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Personal API tokens.
 *
 * @param defaultLifetime how long a token lives when its creator does not say
 * @param maxLifetime the longest lifetime a creator may choose: a forgotten token stops working
 * @param allowNoExpiry whether a token may never expire ({@code expiresAt: "never"})
 * @param maxPerUser live (neither expired nor revoked) tokens one user may hold
 */
@ConfigurationProperties("outpost.security.tokens")
public record TokenProperties(
        @DefaultValue("90d") Duration defaultLifetime,
        @DefaultValue("365d") Duration maxLifetime,
        @DefaultValue("false") boolean allowNoExpiry,
        @DefaultValue("10") int maxPerUser) {}
