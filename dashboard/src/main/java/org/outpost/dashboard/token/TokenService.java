package org.outpost.dashboard.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
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
    /** last_used_at is written at most this often per token: a busy script must not write on each request. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private static final String COLUMNS = "id, username, name, scope, created_at, expires_at, last_used_at, revoked_at";

    private final JdbcTemplate jdbc;
    private final TokenProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** When this instance last wrote each token's last use, so most requests skip the write entirely. */
    private final Map<String, Instant> lastUseWritten = new ConcurrentHashMap<>();

    TokenService(JdbcTemplate jdbc, TokenProperties properties, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.events = events;
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
        Instant expiresAt = expiry(request, now);
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

    /**
     * Checks a token sent as {@code Authorization: Bearer}: its hash, then whether it is revoked or
     * expired, then its owner's account as it is now (a disabled account's tokens stop at once; a
     * role changed since the token was made is the role the token has).
     */
    public TokenCheck check(String presented) {
        String id = idOf(presented);
        if (id == null) {
            return new TokenCheck.Refused("The bearer token is not an Outpost API token (they start with " + PREFIX
                    + "). Create one under API tokens in the dashboard.");
        }
        List<Stored> found = jdbc.query(
                "select t.secret_hash, u.enabled, " + prefixed(COLUMNS)
                        + " from api_tokens t join users u on u.username = t.username where t.id = ?",
                (rs, row) -> new Stored(rs.getString(1), rs.getBoolean(2), token(rs, row)),
                id);
        // compared in constant time: the id is public, the secret must not leak by timing
        if (found.isEmpty()
                || !MessageDigest.isEqual(
                        found.getFirst().hash().getBytes(StandardCharsets.US_ASCII),
                        hash(presented).getBytes(StandardCharsets.US_ASCII))) {
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

    private @Nullable Instant expiry(NewToken request, Instant now) {
        Instant max = now.plus(properties.maxLifetime());
        if (request.expiresInDays() != null && request.expiresAt() != null) {
            throw new TokenRefusedException(
                    "expiresAt", "give expiresInDays or expiresAt, not both", "tokens.error.bothExpiries");
        }
        if (request.expiresInDays() != null) {
            int days = request.expiresInDays();
            long maxDays = properties.maxLifetime().toDays();
            if (days < 1 || days > maxDays) {
                throw new TokenRefusedException(
                        "expiresInDays",
                        "expiresInDays must be 1 to " + maxDays + " (outpost.security.tokens.max-lifetime), was "
                                + days,
                        "tokens.error.days",
                        maxDays);
            }
            return now.plus(Duration.ofDays(days));
        }
        String at = request.expiresAt();
        if (at == null || at.isBlank()) {
            return now.plus(properties.defaultLifetime());
        }
        if (at.strip().equalsIgnoreCase("never")) {
            if (!properties.allowNoExpiry()) {
                throw new TokenRefusedException(
                        "expiresAt",
                        "tokens must expire here (outpost.security.tokens.allow-no-expiry is off): give a date",
                        "tokens.error.never");
            }
            return null;
        }
        Instant expiresAt = parseInstant(at.strip());
        if (!expiresAt.isAfter(now)) {
            throw new TokenRefusedException(
                    "expiresAt", "expiresAt must be in the future, was " + at, "tokens.error.past");
        }
        if (expiresAt.isAfter(max)) {
            throw new TokenRefusedException(
                    "expiresAt",
                    "expiresAt must be within " + properties.maxLifetime().toDays()
                            + " days (outpost.security.tokens.max-lifetime), was " + at,
                    "tokens.error.days",
                    properties.maxLifetime().toDays());
        }
        return expiresAt;
    }

    private static Instant parseInstant(String value) {
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new TokenRefusedException(
                    "expiresAt",
                    "expiresAt must be an ISO-8601 instant (2027-03-01T00:00:00Z) or date (2027-03-01), was '" + value
                            + "'",
                    "tokens.error.date",
                    value);
        }
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

    private static String prefixed(String columns) {
        return "t." + columns.replace(", ", ", t.");
    }

    private static ApiToken token(ResultSet rs, int row) throws SQLException {
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

    private record Stored(String hash, boolean ownerEnabled, ApiToken token) {}
}
