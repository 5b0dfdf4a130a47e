package org.outpost.dashboard.token;

import org.jspecify.annotations.Nullable;

/**
 * A token request the rules refuse. The message is English, for the API; {@link #field()} names
 * the request's field at fault (null when the refusal is not about one, such as the per-user
 * limit); {@link #key()} and {@link #arguments()} let the tokens page say it in the reader's language.
 */
public final class TokenRefusedException extends IllegalArgumentException {

    private final @Nullable String field;
    private final String key;
    private final Object[] arguments;

    TokenRefusedException(@Nullable String field, String english, String key, Object... arguments) {
        super(english);
        this.field = field;
        this.key = key;
        this.arguments = arguments.clone();
    }

    public @Nullable String field() {
        return field;
    }

    public String key() {
        return key;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
