package org.outpost.dashboard.user;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The one role of an account, strongest first; stored as the authority {@code ROLE_<name>}. */
public enum Role {
    ADMIN,
    ANALYST,
    VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Accepts any case, so API callers may send {@code "analyst"}. */
    public static Role parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new UserRefusedException("role is required: one of " + names(), "users.error.roleRequired", names());
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserRefusedException(
                    "role must be one of " + names() + ", was '" + value + "'",
                    "users.error.roleUnknown",
                    names(),
                    value);
        }
    }

    static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
