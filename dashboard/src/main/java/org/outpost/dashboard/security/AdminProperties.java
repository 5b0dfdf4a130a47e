package org.outpost.dashboard.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The built-in administrator.
 *
 * @param password sets the admin password at every start; when empty, one is generated on first start
 */
@ConfigurationProperties("outpost.admin")
record AdminProperties(@Nullable String password) {}
