package org.outpost.alerts.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.outpost.alerts.AccountStates;
import org.outpost.alerts.subscription.SecretCipher;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The private addresses of alert feeds. A token is 32 random bytes: whoever has it reads that
 * alert's matches (titles, sources, links) without signing in, as a feed reader must; its owner
 * can revoke it or replace it with a new one at any time. A feed of a disabled account answers as
 * if it did not exist.
 */
@Service
@NamedInterface("feed")
public class AlertFeeds {

    /** Entries a feed holds at most: the latest matches. */
    public static final int MAX_ENTRIES = 100;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final SubscriptionRepository subscriptions;
    private final SecretCipher cipher;
    private final AccountStates accounts;
    private final Clock clock;

    AlertFeeds(
            JdbcClient jdbc,
            SubscriptionRepository subscriptions,
            SecretCipher cipher,
            AccountStates accounts,
            Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.subscriptions = subscriptions;
        this.cipher = cipher;
        this.accounts = accounts;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The token of this owner's alert's feed, if its feed is on. Empty for another owner's alert. */
    public Optional<String> token(String owner, long subscriptionId) {
        if (!owns(owner, subscriptionId)) {
            return Optional.empty();
        }
        return jdbc.sql("select token from alert_feed where subscription_id = ?")
                .param(subscriptionId)
                .query(String.class)
                .optional()
                .map(cipher::decrypt);
    }

    /**
     * Turns the feed on with a new token; an earlier token of this alert stops working.
     *
     * @return the new token, or empty when the owner has no such alert
     */
    @Transactional
    public Optional<String> renew(String owner, long subscriptionId) {
        if (!owns(owner, subscriptionId)) {
            return Optional.empty();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("delete from alert_feed where subscription_id = ?")
                .param(subscriptionId)
                .update();
        jdbc.sql("insert into alert_feed (subscription_id, token_hash, token, created_at) values (?, ?, ?, ?)")
                .params(subscriptionId, hash(token), cipher.encrypt(token), Timestamp.from(clock.instant()))
                .update();
        return Optional.of(token);
    }

    /** Turns the feed off: its address answers 404 from now on. @return whether it was on */
    public boolean revoke(String owner, long subscriptionId) {
        return owns(owner, subscriptionId)
                && jdbc.sql("delete from alert_feed where subscription_id = ?")
                                .param(subscriptionId)
                                .update()
                        > 0;
    }

    /** The feed this token opens, with at most {@code limit} of the latest matches. */
    public Optional<AlertFeed> read(String token, int limit) {
        if (token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        Optional<Long> id = jdbc.sql("select subscription_id from alert_feed where token_hash = ?")
                .param(hash(token))
                .query(Long.class)
                .optional();
        Subscription s = id.flatMap(subscriptions::find).orElse(null);
        if (s == null || !accounts.active(s.owner())) {
            return Optional.empty();
        }
        List<AlertFeed.Entry> entries = jdbc.sql(
                        "select story_id, article_id, title, url, source, dated_at, matched_at from alert_match"
                                + " where subscription_id = ? order by matched_at desc, story_id fetch first "
                                + Math.max(1, Math.min(limit, MAX_ENTRIES)) + " rows only")
                .param(s.id())
                .query((rs, n) -> new AlertFeed.Entry(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7).toInstant()))
                .list();
        long matches = jdbc.sql("select count(*) from alert_match where subscription_id = ?")
                .param(s.id())
                .query(Long.class)
                .single();
        Instant lastModified = s.updatedAt();
        if (!entries.isEmpty() && entries.getFirst().matchedAt().isAfter(lastModified)) {
            lastModified = entries.getFirst().matchedAt();
        }
        // what the feed shows changes only with a new match, a deleted one, or an edit of the alert
        String version = hash(s.id() + "|" + s.updatedAt().toEpochMilli() + "|" + matches + "|"
                        + (entries.isEmpty()
                                ? ""
                                : entries.getFirst().matchedAt().toEpochMilli()
                                        + entries.getFirst().storyId()))
                .substring(0, 24);
        return Optional.of(new AlertFeed(s.id(), s.name(), s.owner(), s.query(), lastModified, version, entries));
    }

    private boolean owns(String owner, long subscriptionId) {
        return subscriptions
                .find(subscriptionId)
                .filter(s -> s.owner().equals(owner))
                .isPresent();
    }

    private static String hash(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
