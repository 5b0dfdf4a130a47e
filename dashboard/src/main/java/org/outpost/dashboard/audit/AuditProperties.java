package org.outpost.dashboard.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit log.
 *
 * @param retention entries older than this are deleted by the daily clean-up
 * @param basicSignInInterval a successful HTTP Basic sign-in (each API call is one) is recorded
 *     once per account and client address in this interval; form sign-ins and every failure always are
 */
@ConfigurationProperties("outpost.audit")
record AuditProperties(
        @DefaultValue("365d") Duration retention,
        @DefaultValue("1h") Duration basicSignInInterval) {}
