package org.outpost.dashboard.token.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.outpost.dashboard.token.ApiToken;
import org.outpost.dashboard.token.CreatedToken;

/** Tokens as the API writes them: metadata, and the secret only in the creation answer. */
final class TokenJson {

    private TokenJson() {}

    /**
     * @param status {@code active} or {@code expired} ({@code revoked} only in the answer to a revocation)
     */
    record Token(
            String id,
            String owner,
            String name,
            String scope,
            Instant createdAt,
            @Nullable Instant expiresAt,
            @Nullable Instant lastUsedAt,
            String status) {

        static Token of(ApiToken token, Instant now) {
            return new Token(
                    token.id(),
                    token.owner(),
                    token.name(),
                    token.scope().value(),
                    token.createdAt(),
                    token.expiresAt(),
                    token.lastUsedAt(),
                    token.revoked() ? "revoked" : token.expired(now) ? "expired" : "active");
        }
    }

    /**
     * @param token the whole token, to send as {@code Authorization: Bearer}: in this answer only
     */
    record Created(
            String token,
            String id,
            String owner,
            String name,
            String scope,
            Instant createdAt,
            @Nullable Instant expiresAt) {

        static Created of(CreatedToken created) {
            ApiToken t = created.token();
            return new Created(
                    created.secret(), t.id(), t.owner(), t.name(), t.scope().value(), t.createdAt(), t.expiresAt());
        }
    }
}
