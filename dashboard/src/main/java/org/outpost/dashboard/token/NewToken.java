package org.outpost.dashboard.token;

import org.jspecify.annotations.Nullable;

/**
 * What a user asks for; checked by {@link TokenService#create}.
 *
 * @param scope {@code read} (when left out) or {@code read-write}
 * @param expiresInDays days from now; with {@code expiresAt} left out too, the default lifetime
 * @param expiresAt an ISO-8601 instant ({@code 2027-03-01T00:00:00Z}) or date (the token then
 *     expires at the start of that day, UTC), or {@code never} where a setting allows it
 */
public record NewToken(
        @Nullable String name,
        @Nullable String scope,
        @Nullable Integer expiresInDays,
        @Nullable String expiresAt) {}
