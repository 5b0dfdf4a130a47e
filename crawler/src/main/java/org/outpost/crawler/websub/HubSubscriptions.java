package org.outpost.crawler.websub;

import java.net.URI;
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

/** {@code websub_subscription}: every change is one statement, so instances sharing the database agree. */
@Repository
class HubSubscriptions {

    private static final String COLUMNS = "id, source_id, topic, hub, callback_id, callback_url, secret, state,"
            + " requested_at, verified_at, lease_seconds, lease_until, next_action_at, last_error, failed_requests,"
            + " deliveries, rejected, last_delivery_at";

    private final JdbcClient jdbc;

    HubSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long sourceId, URI topic, URI hub, String callbackId, String callbackUrl, String secret, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into websub_subscription (source_id, topic, hub, callback_id, callback_url, secret, state,"
                        + " requested_at) values (?, ?, ?, ?, ?, ?, 'PENDING', ?)")
                .params(sourceId, topic.toString(), hub.toString(), callbackId, callbackUrl, secret, ts(now))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    Optional<Subscription> byCallback(String callbackId) {
        return jdbc.sql("select " + COLUMNS + " from websub_subscription where callback_id = ?")
                .param(callbackId)
                .query(HubSubscriptions::map)
                .optional();
    }

    Optional<Subscription> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from websub_subscription where id = ?")
                .param(id)
                .query(HubSubscriptions::map)
                .optional();
    }

    /** The source's subscription that is not being ended, if any. */
    Optional<Subscription> current(long sourceId) {
        return jdbc
                .sql("select " + COLUMNS + " from websub_subscription where source_id = ? and state <> 'UNSUBSCRIBING'"
                        + " order by id desc")
                .param(sourceId)
                .query(HubSubscriptions::map)
                .list()
                .stream()
                .findFirst();
    }

    /** Each source's current subscription, by source id. */
    Map<Long, Subscription> currentBySource() {
        return jdbc
                .sql("select " + COLUMNS + " from websub_subscription where state <> 'UNSUBSCRIBING' order by id")
                .query(HubSubscriptions::map)
                .list()
                .stream()
                .collect(Collectors.toMap(Subscription::sourceId, s -> s, (older, newer) -> newer));
    }

    List<Subscription> all() {
        return jdbc.sql("select " + COLUMNS + " from websub_subscription order by id")
                .query(HubSubscriptions::map)
                .list();
    }

    /** Verified: active until the lease ends, renewed at {@code renewAt}. */
    boolean activate(long id, long leaseSeconds, Instant now, Instant leaseUntil, Instant renewAt) {
        return jdbc.sql("update websub_subscription set state = 'ACTIVE', verified_at = ?, lease_seconds = ?,"
                                + " lease_until = ?, next_action_at = ?, last_error = null, failed_requests = 0"
                                + " where id = ? and state in ('PENDING', 'ACTIVE', 'EXPIRED')")
                        .params(ts(now), leaseSeconds, ts(leaseUntil), ts(renewAt), id)
                        .update()
                > 0;
    }

    void deny(long id, @Nullable String reason) {
        jdbc.sql("update websub_subscription set state = 'DENIED', last_error = ?, next_action_at = null,"
                        + " lease_until = null where id = ?")
                .params(truncate(reason == null ? "refused by the hub" : reason), id)
                .update();
    }

    /**
     * A request the hub accepted: its check is awaited until {@code retryAt}. A row the hub has
     * verified meanwhile (some call back before they answer) keeps the renewal time its
     * verification set; an active one being renewed keeps the retry time its claim set.
     */
    void requested(long id, Instant retryAt) {
        jdbc.sql("update websub_subscription set failed_requests = 0, last_error = null,"
                        + " next_action_at = case when state = 'ACTIVE' then next_action_at else ? end where id = ?")
                .params(ts(retryAt), id)
                .update();
    }

    /** Being ended from now: retried while due, forgotten a while after {@code now}. */
    void unsubscribing(long id, Instant now) {
        jdbc.sql("update websub_subscription set state = 'UNSUBSCRIBING', requested_at = ?, next_action_at = ?,"
                        + " failed_requests = 0 where id = ?")
                .params(ts(now), ts(now), id)
                .update();
    }

    void failed(long id, String error, Instant retryAt) {
        jdbc.sql("update websub_subscription set last_error = ?, failed_requests = failed_requests + 1,"
                        + " next_action_at = ? where id = ?")
                .params(truncate(error), ts(retryAt), id)
                .update();
    }

    void state(long id, SubscriptionState state, @Nullable Instant nextActionAt) {
        jdbc.sql("update websub_subscription set state = ?, next_action_at = ? where id = ?")
                .params(state.name(), ts(nextActionAt), id)
                .update();
    }

    /**
     * Claims a due action for this instance: moves the row's next action to {@code until}, if
     * it is still the one read. Of instances running the job at once, one wins.
     */
    boolean claim(Subscription s, Instant until) {
        return jdbc.sql("update websub_subscription set next_action_at = ? where id = ? and state = ?"
                                + " and next_action_at = ?")
                        .params(ts(until), s.id(), s.state().name(), ts(s.nextActionAt()))
                        .update()
                > 0;
    }

    void delivered(long id, Instant now) {
        jdbc.sql("update websub_subscription set deliveries = deliveries + 1, last_delivery_at = ? where id = ?")
                .params(ts(now), id)
                .update();
    }

    void rejected(long id) {
        jdbc.sql("update websub_subscription set rejected = rejected + 1 where id = ?")
                .param(id)
                .update();
    }

    void delete(long id) {
        jdbc.sql("delete from websub_subscription where id = ?").param(id).update();
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String truncate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Subscription map(ResultSet rs, int row) throws SQLException {
        long lease = rs.getLong("lease_seconds");
        Long leaseSeconds = rs.wasNull() ? null : lease;
        return new Subscription(
                rs.getLong("id"),
                rs.getLong("source_id"),
                URI.create(rs.getString("topic")),
                URI.create(rs.getString("hub")),
                rs.getString("callback_id"),
                rs.getString("callback_url"),
                rs.getString("secret"),
                SubscriptionState.valueOf(rs.getString("state")),
                rs.getTimestamp("requested_at").toInstant(),
                instant(rs, "verified_at"),
                leaseSeconds,
                instant(rs, "lease_until"),
                instant(rs, "next_action_at"),
                rs.getString("last_error"),
                rs.getInt("failed_requests"),
                rs.getInt("deliveries"),
                rs.getInt("rejected"),
                instant(rs, "last_delivery_at"));
    }
}
