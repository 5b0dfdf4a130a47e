package org.outpost.dashboard.user;

import org.jspecify.annotations.Nullable;

/** What an admin enters to create an account; checked by {@link UserService#create}. */
public record NewUser(
        @Nullable String username,
        @Nullable String password,
        @Nullable String role) {}
