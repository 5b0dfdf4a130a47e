package org.outpost.dashboard.token;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * The expiry rules: a default lifetime, a maximum, and "never" only where a setting allows it,
 * so that a forgotten token stops working by itself.
 */
final class TokenLifetime {

    private final TokenProperties properties;

    TokenLifetime(TokenProperties properties) {
        this.properties = properties;
    }

    /** When a token asked for so expires: null for never. */
    @Nullable
    Instant expiresAt(NewToken request, Instant now) {
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
}
