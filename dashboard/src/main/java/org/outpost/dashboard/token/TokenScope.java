package org.outpost.dashboard.token;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What a token may do on its owner's behalf, within the owner's role. */
public enum TokenScope {
    /** Only safe methods (GET, HEAD): a dashboard, a report script. */
    READ("read"),
    /** Everything the owner's role allows. */
    READ_WRITE("read-write");

    private final String value;

    TokenScope(String value) {
        this.value = value;
    }

    /** As the API writes and reads it: {@code read}, {@code read-write}. */
    public String value() {
        return value;
    }

    /** Whether a request with this HTTP method is within the scope. */
    public boolean allows(String method) {
        return this == READ_WRITE || method.equals("GET") || method.equals("HEAD");
    }

    /** {@code read} (the default, when left out) or {@code read-write}, in any case; {@code read_write} too. */
    public static TokenScope parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return READ;
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (TokenScope scope : values()) {
            if (scope.value.equals(wanted)) {
                return scope;
            }
        }
        throw new TokenRefusedException(
                "scope", "scope must be read or read-write, was '" + value + "'", "tokens.error.scope", value);
    }
}
