package org.outpost.dashboard.user;

import org.jspecify.annotations.Nullable;

/**
 * An account as admins see it: never with its password hash.
 *
 * @param language the interface language the user chose ({@code en}, {@code ru}), or null while
 *     the browser's decides
 */
public record UserAccount(
        String username,
        Role role,
        boolean enabled,
        @Nullable String language) {}
