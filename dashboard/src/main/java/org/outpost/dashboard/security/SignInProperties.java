package org.outpost.dashboard.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Throttling of failed sign-ins (form login and HTTP Basic alike). The counters are in the
 * database, so every instance sees the same. The client address is the connection's: behind a
 * reverse proxy, set {@code server.forward-headers-strategy} so that it is the client's and not
 * the proxy's (otherwise {@code addressFailures} counts everybody together).
 *
 * @param accountFailures failed sign-ins of one account name within {@code window} that lock it
 * @param addressFailures failed sign-ins from one client address within {@code window} that lock it
 * @param window how long failures are counted together
 * @param lock how long a lock lasts; an admin can unlock an account sooner
 */
@ConfigurationProperties("outpost.security.sign-in")
record SignInProperties(
        @DefaultValue("5") int accountFailures,
        @DefaultValue("20") int addressFailures,
        @DefaultValue("15m") Duration window,
        @DefaultValue("15m") Duration lock) {}
