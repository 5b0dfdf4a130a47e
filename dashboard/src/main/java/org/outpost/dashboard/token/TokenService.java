package org.outpost.dashboard.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens in the {@code api_tokens} table. A token reads {@code opt_<id>_<secret>}:
 * the prefix makes it recognisable (secret scanners, a glance at a log), the public id names it in
 * lists and logs without the secret, and the secret is 256 random bits.
 *
 * <p>Only the SHA-256 of the whole token is stored. A password hash such as bcrypt is slow on
 * purpose, because passwords are short and guessable; these tokens are 256 random bits, which no
 * one can guess however fast the hash, and a slow hash would cost tens of milliseconds on every
 * API request. A stolen table still gives no usable token.
 */
@Service
public class TokenService {

    public static final String PREFIX = "opt_";
    private static final Logger log = LoggerFactory.getLogger(TokenService.class);
    static final String TOKEN_CREATED = "TOKEN_CREATED";
    static final String TOKEN_REVOKED = "TOKEN_REVOKED";
    static final int MAX_NAME = 100;
    private static final int ID_LENGTH = 10;
    private static final int SECRET_BYTES = 32;
    private static final String ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    static final String COLUMNS = "id, username, name, scope, created_at, expires_at, last_used_at, revoked_at";

    private final JdbcTemplate jdbc;
    private final TokenProperties properties;
    private final ApplicationEventPublisher events;
    private final TokenLifetime lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TokenService(JdbcTemplate jdbc, TokenProperties properties, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.events = events;
        this.lifetime = new TokenLifetime(properties);
        this.clock = Clock.systemUTC();
    }

    public TokenProperties settings() {
        return properties;
    }

    /** Makes a token for {@code owner}; the answer holds its secret, this once. */
    @Transactional
    public CreatedToken create(String owner, NewToken request) {
        Instant now = clock.instant();
        String name = checkName(request.name());
        TokenScope scope = TokenScope.parse(request.scope());
        Instant expiresAt = lifetime.expiresAt(request, now);
        int live = live(owner, now);
        if (live >= properties.maxPerUser()) {
            throw new TokenRefusedException(
                    null,
                    "you have " + live + " live tokens, the most one user may have"
                            + " (outpost.security.tokens.max-per-user): revoke one first",
                    "tokens.error.limit",
                    live);
        }
        String id = randomId();
        String secret =
                PREFIX + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        jdbc.update(
                "insert into api_tokens (id, username, name, scope, secret_hash, created_at, expires_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                id,
                owner,
                name,
                scope.name(),
                hash(secret),
                Timestamp.from(now),
                expiresAt == null ? null : Timestamp.from(expiresAt));
        ApiToken token = get(id);
        audit(owner, TOKEN_CREATED, token);
        return new CreatedToken(secret, token);
    }

    /** The owner's tokens that are not revoked (expired ones too, so the owner sees why a script stopped), newest first. */
    public List<ApiToken> list(String owner) {
        return jdbc.query(
                "select " + COLUMNS + " from api_tokens where username = ? and revoked_at is null"
                        + " order by created_at desc, id",
                TokenService::token,
                owner);
    }

    /** Every user's tokens that are not revoked, for admins: metadata only, as always. */
    public List<ApiToken> listAll() {
        return jdbc.query(
                "select " + COLUMNS
                        + " from api_tokens where revoked_at is null order by username, created_at desc, id",
                TokenService::token);
    }

    /**
     * Revokes a token at once. Its owner may, and an admin may revoke anybody's; for anyone else
     * the token does not exist, so a guessed id tells nothing.
     */
    @Transactional
    public ApiToken revoke(String id, String actor, boolean admin) {
        ApiToken token = find(id);
        if (token == null || !(token.owner().equals(actor) || admin)) {
            throw new NoSuchElementException("no token '" + id + "'");
        }
        if (!token.revoked()) {
            jdbc.update(
                    "update api_tokens set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null",
                    Timestamp.from(clock.instant()),
                    actor,
                    id);
            token = get(id);
            audit(actor, TOKEN_REVOKED, token);
        }
        return token;
    }

    private static String checkName(@Nullable String name) {
        if (name == null || name.isBlank()) {
            throw new TokenRefusedException("name", "name is required: say what the token is for", "tokens.error.name");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_NAME) {
            throw new TokenRefusedException(
                    "name",
                    "name must be at most " + MAX_NAME + " characters, was " + stripped.length(),
                    "tokens.error.nameLength",
                    MAX_NAME);
        }
        // the name is written to the log with the token's id: no line breaks to forge lines with
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw new TokenRefusedException(
                    "name", "name may not contain control characters (line breaks, tabs)", "tokens.error.nameControl");
        }
        return stripped;
    }

    private int live(String owner, Instant now) {
        Integer count = jdbc.queryForObject(
                "select count(*) from api_tokens where username = ? and revoked_at is null"
                        + " and (expires_at is null or expires_at > ?)",
                Integer.class,
                owner,
                Timestamp.from(now));
        return count == null ? 0 : count;
    }

    private void audit(String principal, String type, ApiToken token) {
        // the public id only: a token found in a log, a paste or a repository is traced from it here
        log.info(
                "{} {}{} ('{}') of {} by {}, scope {}, expires {}",
                type,
                PREFIX,
                token.id(),
                token.name(),
                token.owner(),
                principal,
                token.scope().value(),
                token.expiresAt() == null ? "never" : token.expiresAt());
        // never the secret, nor its hash
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tokenId", token.id());
        data.put("name", token.name());
        data.put("owner", token.owner());
        data.put("scope", token.scope().value());
        data.put(
                "expiresAt",
                token.expiresAt() == null ? "never" : token.expiresAt().toString());
        events.publishEvent(new AuditApplicationEvent(principal, type, data));
    }

    private ApiToken get(String id) {
        ApiToken token = find(id);
        if (token == null) {
            throw new NoSuchElementException("no token '" + id + "'");
        }
        return token;
    }

    private @Nullable ApiToken find(String id) {
        List<ApiToken> found =
                jdbc.query("select " + COLUMNS + " from api_tokens where id = ?", TokenService::token, id);
        return found.isEmpty() ? null : found.getFirst();
    }

    /** The public id of a well-formed token, null for anything else. */
    static @Nullable String idOf(String presented) {
        if (!presented.startsWith(PREFIX) || presented.length() < PREFIX.length() + ID_LENGTH + 2) {
            return null;
        }
        String id = presented.substring(PREFIX.length(), PREFIX.length() + ID_LENGTH);
        if (presented.charAt(PREFIX.length() + ID_LENGTH) != '_'
                || !id.chars().allMatch(c -> ID_ALPHABET.indexOf(c) >= 0)) {
            return null;
        }
        return id;
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private String randomId() {
        StringBuilder id = new StringBuilder(ID_LENGTH);
        for (int i = 0; i < ID_LENGTH; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return bytes;
    }

    static String prefixed(String columns) {
        return "t." + columns.replace(", ", ", t.");
    }

    static ApiToken token(ResultSet rs, int row) throws SQLException {
        return new ApiToken(
                rs.getString("id"),
                rs.getString("username"),
                rs.getString("name"),
                TokenScope.valueOf(rs.getString("scope")),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
