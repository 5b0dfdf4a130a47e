package org.outpost.dashboard.token;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A token as its owner and admins see it: never with its secret, which only the creation answer holds.
 *
 * @param id the public part of the token ({@code opt_<id>_…}): names it in logs and lists
 * @param expiresAt null when the token never expires (only where a setting allows it)
 * @param lastUsedAt written at most once a minute per token, so it may be up to a minute behind
 */
public record ApiToken(
        String id,
        String owner,
        String name,
        TokenScope scope,
        Instant createdAt,
        @Nullable Instant expiresAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {

    public boolean expired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** Neither revoked nor expired: counts towards the owner's limit. */
    public boolean live(Instant now) {
        return !revoked() && !expired(now);
    }
}
