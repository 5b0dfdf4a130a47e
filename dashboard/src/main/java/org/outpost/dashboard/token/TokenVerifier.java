package org.outpost.dashboard.token;

import static org.outpost.dashboard.token.TokenService.PREFIX;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Checks the tokens that API requests bring, on every request, and notes when each was last used. */
@Component
class TokenVerifier {

    /** last_used_at is written at most this often per token: a busy script must not write on each request. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();
    /** When this instance last wrote each token's last use, so most requests skip the write entirely. */
    private final Map<String, Instant> lastUseWritten = new ConcurrentHashMap<>();

    TokenVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Checks a token sent as {@code Authorization: Bearer}: its hash, then whether it is revoked or
     * expired, then its owner's account as it is now (a disabled account's tokens stop at once; a
     * role changed since the token was made is the role the token has).
     */
    TokenCheck check(String presented) {
        String id = TokenService.idOf(presented);
        if (id == null) {
            return new TokenCheck.Refused("The bearer token is not an Outpost API token (they start with " + PREFIX
                    + "). Create one under API tokens in the dashboard.");
        }
        List<Stored> found = jdbc.query(
                "select t.secret_hash, u.enabled, " + TokenService.prefixed(TokenService.COLUMNS)
                        + " from api_tokens t join users u on u.username = t.username where t.id = ?",
                (rs, row) -> new Stored(rs.getString(1), rs.getBoolean(2), TokenService.token(rs, row)),
                id);
        // compared in constant time: the id is public, the secret must not leak by timing
        if (found.isEmpty()
                || !MessageDigest.isEqual(
                        found.getFirst().hash().getBytes(StandardCharsets.US_ASCII),
                        TokenService.hash(presented).getBytes(StandardCharsets.US_ASCII))) {
            return new TokenCheck.Refused("Unknown API token " + PREFIX + id + ": it was never issued here,"
                    + " or is mistyped. Create one under API tokens in the dashboard.");
        }
        Stored stored = found.getFirst();
        ApiToken token = stored.token();
        Instant now = clock.instant();
        if (token.revoked()) {
            return new TokenCheck.Refused(
                    "API token " + PREFIX + id + " ('" + token.name() + "') was revoked at " + token.revokedAt() + ".");
        }
        if (token.expired(now)) {
            return new TokenCheck.Refused("API token " + PREFIX + id + " ('" + token.name() + "') expired at "
                    + token.expiresAt() + ". Create a new one under API tokens in the dashboard.");
        }
        if (!stored.ownerEnabled()) {
            return new TokenCheck.Refused("API token " + PREFIX + id
                    + " belongs to a disabled account: it works again when the account is enabled.");
        }
        List<String> authorities =
                jdbc.queryForList("select authority from authorities where username = ?", String.class, token.owner());
        touch(id, now);
        return new TokenCheck.Accepted(token, authorities);
    }

    private void touch(String id, Instant now) {
        Instant written = lastUseWritten.get(id);
        if (written != null && written.plus(LAST_USED_PRECISION).isAfter(now)) {
            return;
        }
        lastUseWritten.put(id, now);
        // the condition keeps several instances to one write a minute too
        jdbc.update(
                "update api_tokens set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)",
                Timestamp.from(now),
                id,
                Timestamp.from(now.minus(LAST_USED_PRECISION)));
    }

    private record Stored(String hash, boolean ownerEnabled, ApiToken token) {}
}
