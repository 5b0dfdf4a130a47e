package org.outpost.dashboard.user;

/** An account as admins see it: never with its password hash. */
public record UserAccount(String username, Role role, boolean enabled) {
}
