package org.outpost.alerts.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The delivery log. */
@Repository
class DeliveryRepository {

    private static final String COLUMNS =
            "d.id, d.subscription_id, s.name as subscription_name, d.owner, d.channel, d.kind,"
                    + " d.title, d.detail, d.status, d.attempts, d.next_attempt_at, d.last_error, d.created_at, d.sent_at, d.read_at";
    private static final String FROM = " from alert_delivery d join alert_subscription s on s.id = d.subscription_id";

    private final JdbcClient jdbc;

    public DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long create(
            long subscriptionId,
            String owner,
            String channel,
            DeliveryKind kind,
            String title,
            @Nullable String detail,
            @Nullable String dedupKey,
            DeliveryStatus status,
            Instant due,
            Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(
                        "insert into alert_delivery (subscription_id, owner, channel, kind, title, detail, dedup_key, status,"
                                + " attempts, next_attempt_at, created_at, sent_at) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")
                .params(
                        subscriptionId,
                        owner,
                        channel,
                        kind.name(),
                        truncate(title, 1000),
                        detail,
                        dedupKey,
                        status.name(),
                        Timestamp.from(due),
                        Timestamp.from(now),
                        status == DeliveryStatus.SENT ? Timestamp.from(now) : null)
                .update(keys, "id");
        Number id = keys.getKey();
        if (id == null) {
            throw new IllegalStateException("no id generated for a delivery");
        }
        return id.longValue();
    }

    boolean hasStory(long subscriptionId, String channel, String storyId) {
        return jdbc.sql(
                                "select count(*) from alert_delivery_article where subscription_id = ? and story_id = ? and channel = ?")
                        .params(subscriptionId, storyId, channel)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void addStory(long deliveryId, long subscriptionId, String channel, String storyId) {
        jdbc.sql("insert into alert_delivery_article (delivery_id, subscription_id, channel, story_id, position)"
                        + " values (?, ?, ?, ?, (select count(*) from alert_delivery_article where delivery_id = ?))")
                .params(deliveryId, subscriptionId, channel, storyId, deliveryId)
                .update();
    }

    /** A storm group of this subscription and channel still waiting to go, locked for adding to it. */
    Optional<Long> lockOpenGroup(long subscriptionId, String channel) {
        Optional<Long> id = jdbc.sql(
                        "select id from alert_delivery where subscription_id = ? and channel = ? and kind = 'GROUPED'"
                                + " and status = 'PENDING' and attempts = 0 and dedup_key is null order by id desc")
                .params(subscriptionId, channel)
                .query(Long.class)
                .optional();
        // the update takes the row lock the dispatcher's claim also needs, so the group cannot be
        // claimed between this check and the added story's commit
        return id.filter(i -> jdbc.sql("update alert_delivery set attempts = 0 where id = ? and status = 'PENDING'")
                        .param(i)
                        .update()
                > 0);
    }

    /**
     * The dedup key that marks a quiet-hours group (storm groups have none). Unique per group, as
     * the key's constraint asks, and saying when it was started and until when it waits.
     */
    static String quietKey(Instant release, Instant now) {
        return QUIET_KEY + release + ":" + now + ":"
                + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    private static final String QUIET_KEY = "quiet:";

    /**
     * The quiet-hours group of this subscription and channel still waiting to go, locked for
     * adding to it, and set to wait until {@code release} (the quiet hours may have changed since
     * it was started).
     */
    Optional<Long> lockQuietGroup(long subscriptionId, String channel, Instant release) {
        Optional<Long> id = jdbc.sql(
                        "select id from alert_delivery where subscription_id = ? and channel = ? and kind = 'GROUPED'"
                                + " and status = 'PENDING' and attempts = 0 and dedup_key like ? order by id desc")
                .params(subscriptionId, channel, QUIET_KEY + "%")
                .query(Long.class)
                .optional();
        // the update takes the row lock the dispatcher's claim also needs (see lockOpenGroup)
        return id.filter(
                i -> jdbc.sql("update alert_delivery set next_attempt_at = ? where id = ? and status = 'PENDING'"
                                        + " and attempts = 0")
                                .params(Timestamp.from(release), i)
                                .update()
                        > 0);
    }

    /** Puts a delivery off until {@code until} without counting an attempt (quiet hours). */
    void defer(long id, Instant until) {
        jdbc.sql("update alert_delivery set status = 'PENDING', next_attempt_at = ?, claimed_by = null where id = ?")
                .params(Timestamp.from(until), id)
                .update();
    }

    /** A delivery due: who it is for and which channel, so the dispatcher can share its senders fairly. */
    record Due(long id, String owner, String channel) {
        String channelType() {
            int colon = channel.indexOf(':');
            return colon < 0 ? channel : channel.substring(0, colon);
        }
    }

    /** Deliveries due now, and those claimed by an instance that stopped before finishing them. */
    List<Due> due(Instant now, Instant staleBefore, int limit) {
        return due(now, staleBefore, 0, limit);
    }

    /** A page of {@link #due(Instant, Instant, int)}, skipping {@code offset} rows. */
    List<Due> due(Instant now, Instant staleBefore, int offset, int limit) {
        return jdbc.sql(
                        "select id, owner, channel from alert_delivery where (status = 'PENDING' and next_attempt_at <= ?)"
                                + " or (status = 'SENDING' and claimed_at < ?) order by next_attempt_at, id"
                                + " offset " + offset + " rows fetch next " + limit + " rows only")
                .params(Timestamp.from(now), Timestamp.from(staleBefore))
                .query((rs, row) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    boolean claim(long id, String instance, Instant now, Instant staleBefore) {
        return jdbc.sql(
                                "update alert_delivery set status = 'SENDING', claimed_by = ?, claimed_at = ? where id = ?"
                                        + " and ((status = 'PENDING' and next_attempt_at <= ?) or (status = 'SENDING' and claimed_at < ?))")
                        .params(instance, Timestamp.from(now), id, Timestamp.from(now), Timestamp.from(staleBefore))
                        .update()
                > 0;
    }

    void markSent(long id, Instant now) {
        jdbc.sql("update alert_delivery set status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = null,"
                        + " claimed_by = null where id = ?")
                .params(Timestamp.from(now), id)
                .update();
    }

    void markRetry(long id, int attempts, Instant next, String error) {
        jdbc.sql("update alert_delivery set status = 'PENDING', attempts = ?, next_attempt_at = ?, last_error = ?,"
                        + " claimed_by = null where id = ?")
                .params(attempts, Timestamp.from(next), truncate(error, 2000), id)
                .update();
    }

    void markUnconfirmed(long id) {
        jdbc.sql("update alert_delivery set status = 'UNCONFIRMED', claimed_by = null where id = ?")
                .param(id)
                .update();
    }

    void markFailed(long id, int attempts, String error) {
        jdbc.sql(
                        "update alert_delivery set status = 'FAILED', attempts = ?, last_error = ?, claimed_by = null where id = ?")
                .params(attempts, truncate(error, 2000), id)
                .update();
    }

    /** Puts failed deliveries of an owner back in the queue (after fixing a channel). */
    int retryFailed(long deliveryId, @Nullable String owner, Instant now) {
        return jdbc.sql("update alert_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ? where id = ?"
                        + " and status = 'FAILED'" + (owner == null ? "" : " and owner = ?"))
                .params(
                        owner == null
                                ? List.of(Timestamp.from(now), deliveryId)
                                : List.of(Timestamp.from(now), deliveryId, owner))
                .update();
    }

    public Optional<Delivery> find(long id) {
        return jdbc.sql("select " + COLUMNS + FROM + " where d.id = ?")
                .param(id)
                .query(this::map)
                .optional()
                .map(d -> withStories(List.of(d)).getFirst());
    }

    /**
     * The log, newest first.
     *
     * @param owner null for every owner (admins)
     */
    public List<Delivery> list(
            @Nullable String owner,
            @Nullable Long subscriptionId,
            @Nullable DeliveryStatus status,
            @Nullable String channelType,
            int limit) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        java.util.ArrayList<Object> params = new java.util.ArrayList<>();
        if (owner != null) {
            where.append(" and d.owner = ?");
            params.add(owner);
        }
        if (subscriptionId != null) {
            where.append(" and d.subscription_id = ?");
            params.add(subscriptionId);
        }
        if (status != null) {
            where.append(" and d.status = ?");
            params.add(status.name());
        }
        if (channelType != null) {
            where.append(" and (d.channel = ? or d.channel like ?)");
            params.add(channelType);
            params.add(channelType + ":%");
        }
        List<Delivery> rows = jdbc.sql("select " + COLUMNS + FROM + where + " order by d.created_at desc, d.id desc"
                        + " fetch first " + Math.max(1, limit) + " rows only")
                .params(params)
                .query(this::map)
                .list();
        return withStories(rows);
    }

    public long unread(String owner) {
        return jdbc.sql("select count(*) from alert_delivery where owner = ? and channel = 'inapp' and status = 'SENT'"
                        + " and read_at is null")
                .param(owner)
                .query(Long.class)
                .single();
    }

    public int markRead(String owner, @Nullable Long id, Instant now) {
        return id == null
                ? jdbc.sql(
                                "update alert_delivery set read_at = ? where owner = ? and channel = 'inapp' and read_at is null")
                        .params(Timestamp.from(now), owner)
                        .update()
                : jdbc.sql("update alert_delivery set read_at = ? where owner = ? and id = ? and read_at is null")
                        .params(Timestamp.from(now), owner, id)
                        .update();
    }

    public long countFailed(@Nullable String owner) {
        return owner == null
                ? jdbc.sql("select count(*) from alert_delivery where status = 'FAILED'")
                        .query(Long.class)
                        .single()
                : jdbc.sql("select count(*) from alert_delivery where status = 'FAILED' and owner = ?")
                        .param(owner)
                        .query(Long.class)
                        .single();
    }

    private List<Delivery> withStories(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return deliveries;
        }
        String ids = deliveries.stream().map(d -> Long.toString(d.id())).collect(Collectors.joining(","));
        Map<Long, List<Story>> stories = jdbc
                .sql("select a.delivery_id, m.story_id, m.article_id, m.title, m.url, m.source,"
                        + " m.dated_at from alert_delivery_article a join alert_match m on m.subscription_id = a.subscription_id"
                        + " and m.story_id = a.story_id where a.delivery_id in (" + ids
                        + ") order by a.delivery_id, a.position")
                .query((rs, row) -> Map.entry(
                        rs.getLong(1),
                        new Story(
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                instant(rs.getTimestamp(7)))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey,
                        java.util.LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return deliveries.stream()
                .map(d -> new Delivery(
                        d.id(),
                        d.subscriptionId(),
                        d.subscriptionName(),
                        d.owner(),
                        d.channel(),
                        d.kind(),
                        d.title(),
                        d.detail(),
                        d.status(),
                        d.attempts(),
                        d.nextAttemptAt(),
                        d.lastError(),
                        d.createdAt(),
                        d.sentAt(),
                        d.readAt(),
                        stories.getOrDefault(d.id(), List.of())))
                .toList();
    }

    private Delivery map(ResultSet rs, int row) throws SQLException {
        return new Delivery(
                rs.getLong("id"),
                rs.getLong("subscription_id"),
                rs.getString("subscription_name"),
                rs.getString("owner"),
                rs.getString("channel"),
                DeliveryKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("detail"),
                DeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(),
                rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("sent_at")),
                instant(rs.getTimestamp("read_at")),
                List.of());
    }

    private static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static @Nullable String truncate(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
