package org.outpost.alerts.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.outpost.core.index.ArticleQuery;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Subscriptions in the database; filters and channels as JSON columns. Webhook URLs and secrets
 * are stored encrypted ({@link SecretCipher}).
 */
@Repository
public class SubscriptionRepository {

    private static final String COLUMNS =
            "id, owner, name, query, filters, frequency, digest_time, digest_day, timezone,"
                    + " channels, spike_alerts, paused, muted_until, next_digest_at, last_spike_at, created_at, updated_at,"
                    + " quiet_mode, quiet_start, quiet_end, quiet_weekends, urgent, spike_sensitivity, spike_by_entity,"
                    + " first_seen_types, first_seen_days, first_seen_sources";
    /** The columns a definition writes: one list, so insert and update cannot disagree on them. */
    private static final List<String> DEFINITION_COLUMNS = List.of(
            "name",
            "query",
            "filters",
            "frequency",
            "digest_time",
            "digest_day",
            "timezone",
            "channels",
            "spike_alerts",
            "paused",
            "muted_until",
            "quiet_mode",
            "quiet_start",
            "quiet_end",
            "quiet_weekends",
            "urgent",
            "spike_sensitivity",
            "spike_by_entity",
            "first_seen_types",
            "first_seen_days",
            "first_seen_sources");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SubscriptionRepository.class);

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    public SubscriptionRepository(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public Subscription insert(String owner, SubscriptionDefinition.Valid s, @Nullable Instant nextDigestAt) {
        Instant now = Instant.now();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        List<Object> values = new ArrayList<>();
        values.add(owner);
        values.addAll(definitionValues(s));
        values.addAll(Arrays.asList(ts(nextDigestAt), Timestamp.from(now), Timestamp.from(now)));
        try {
            jdbc.sql("insert into alert_subscription (owner, " + String.join(", ", DEFINITION_COLUMNS)
                            + ", next_digest_at, created_at, updated_at) values ("
                            + String.join(", ", java.util.Collections.nCopies(values.size(), "?")) + ")")
                    .params(values)
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new InvalidSubscriptionException("name", "duplicate", s.name());
        }
        Number id = keys.getKey();
        if (id == null) {
            throw new IllegalStateException("no id generated for subscription " + s.name());
        }
        return find(id.longValue()).orElseThrow();
    }

    /** @return false when no such subscription of this owner exists */
    public boolean update(long id, String owner, SubscriptionDefinition.Valid s, @Nullable Instant nextDigestAt) {
        List<Object> values = new ArrayList<>(definitionValues(s));
        values.addAll(Arrays.asList(ts(nextDigestAt), Timestamp.from(Instant.now()), id, owner));
        try {
            return jdbc.sql("update alert_subscription set " + String.join(" = ?, ", DEFINITION_COLUMNS)
                                    + " = ?, next_digest_at = ?, updated_at = ? where id = ? and owner = ?")
                            .params(values)
                            .update()
                    > 0;
        } catch (DuplicateKeyException e) {
            throw new InvalidSubscriptionException("name", "duplicate", s.name());
        }
    }

    /** What a definition stores, in the order of {@link #DEFINITION_COLUMNS} (nulls included). */
    private List<Object> definitionValues(SubscriptionDefinition.Valid s) {
        return Arrays.asList(
                s.name(),
                s.query(),
                write(filtersJson(s.filters())),
                s.frequency().name(),
                s.time().toString(),
                s.day().name(),
                s.zone().getId(),
                write(channelsJson(s.channels())),
                s.spikeAlerts(),
                s.paused(),
                ts(s.mutedUntil()),
                s.quietMode().name(),
                time(s.quietStart()),
                time(s.quietEnd()),
                s.quietWeekends(),
                s.urgent(),
                s.spikeSensitivity().name(),
                s.spikeByEntity(),
                firstSeenTypes(s.firstSeen()),
                s.firstSeen() == null ? null : s.firstSeen().days(),
                s.firstSeen() == null ? null : s.firstSeen().sources());
    }

    /** Stores these channels (encrypted) if the row still holds {@code before}. */
    boolean rewriteChannels(long id, String before, List<Channel> channels) {
        return jdbc.sql("update alert_subscription set channels = ? where id = ? and channels = ?")
                        .params(write(channelsJson(channels)), id, before)
                        .update()
                > 0;
    }

    public boolean setMutedUntil(long id, String owner, @Nullable Instant until) {
        return jdbc.sql("update alert_subscription set muted_until = ?, updated_at = ? where id = ? and owner = ?")
                        .params(ts(until), Timestamp.from(Instant.now()), id, owner)
                        .update()
                > 0;
    }

    public boolean setPaused(long id, String owner, boolean paused) {
        return jdbc.sql("update alert_subscription set paused = ?, updated_at = ? where id = ? and owner = ?")
                        .params(paused, Timestamp.from(Instant.now()), id, owner)
                        .update()
                > 0;
    }

    public boolean delete(long id, String owner) {
        return jdbc.sql("delete from alert_subscription where id = ? and owner = ?")
                        .params(id, owner)
                        .update()
                > 0;
    }

    public Optional<Subscription> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from alert_subscription where id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    public List<Subscription> findByOwner(String owner) {
        return jdbc.sql("select " + COLUMNS + " from alert_subscription where owner = ? order by lower(name)")
                .param(owner)
                .query(this::map)
                .list();
    }

    public List<Subscription> findAll() {
        return jdbc.sql("select " + COLUMNS + " from alert_subscription order by id")
                .query(this::map)
                .list();
    }

    /** Changes to the set of subscriptions show here, for instances that must reload them. */
    public String fingerprint() {
        return jdbc.sql(
                        "select count(*) || ':' || coalesce(cast(max(updated_at) as varchar(40)), '') from alert_subscription")
                .query(String.class)
                .single();
    }

    /** Digests due at {@code now}. */
    public List<Subscription> dueDigests(Instant now) {
        return jdbc.sql("select " + COLUMNS
                        + " from alert_subscription where next_digest_at <= ? order by next_digest_at")
                .param(Timestamp.from(now))
                .query(this::map)
                .list();
    }

    /**
     * Moves a digest on from the time this instance saw; false when another instance (or an edit)
     * moved it first, so exactly one instance sends each digest.
     */
    public boolean claimDigest(long id, Instant seen, Instant next) {
        return jdbc.sql("update alert_subscription set next_digest_at = ? where id = ? and next_digest_at = ?")
                        .params(Timestamp.from(next), id, Timestamp.from(seen))
                        .update()
                > 0;
    }

    public List<Subscription> withSpikeAlerts() {
        return jdbc.sql("select " + COLUMNS + " from alert_subscription where spike_alerts = true order by id")
                .query(this::map)
                .list();
    }

    /** Records a spike alert unless one was recorded after {@code cooldownStart} (another instance). */
    public boolean claimSpike(long id, Instant now, Instant cooldownStart) {
        return jdbc.sql("update alert_subscription set last_spike_at = ? where id = ?"
                                + " and (last_spike_at is null or last_spike_at < ?)")
                        .params(Timestamp.from(now), id, Timestamp.from(cooldownStart))
                        .update()
                > 0;
    }

    /** Subscriptions with a first-seen alert. */
    public List<Subscription> withFirstSeen() {
        return jdbc.sql("select " + COLUMNS + " from alert_subscription where first_seen_types is not null order by id")
                .query(this::map)
                .list();
    }

    /** Comma-separated type keys, or null when the alert is off. */
    private static @Nullable String firstSeenTypes(@Nullable FirstSeen f) {
        return f == null ? null : String.join(",", f.typeKeys());
    }

    private static @Nullable FirstSeen firstSeen(ResultSet rs) throws SQLException {
        String types = rs.getString("first_seen_types");
        if (types == null || types.isBlank()) {
            return null;
        }
        return new FirstSeen(
                java.util.Arrays.stream(types.split(","))
                        .map(org.outpost.core.entity.EntityType::ofKey)
                        .toList(),
                rs.getInt("first_seen_days"),
                rs.getInt("first_seen_sources"));
    }

    private Subscription map(ResultSet rs, int row) throws SQLException {
        return new Subscription(
                rs.getLong("id"),
                rs.getString("owner"),
                rs.getString("name"),
                rs.getString("query"),
                filters(rs.getString("filters")),
                Frequency.valueOf(rs.getString("frequency")),
                LocalTime.parse(rs.getString("digest_time")),
                DayOfWeek.valueOf(rs.getString("digest_day")),
                ZoneId.of(rs.getString("timezone")),
                channels(rs.getString("channels")),
                rs.getBoolean("spike_alerts"),
                rs.getBoolean("paused"),
                instant(rs.getTimestamp("muted_until")),
                instant(rs.getTimestamp("next_digest_at")),
                instant(rs.getTimestamp("last_spike_at")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                QuietMode.valueOf(rs.getString("quiet_mode")),
                localTime(rs.getString("quiet_start")),
                localTime(rs.getString("quiet_end")),
                rs.getBoolean("quiet_weekends"),
                rs.getBoolean("urgent"),
                SpikeSensitivity.valueOf(rs.getString("spike_sensitivity")),
                rs.getBoolean("spike_by_entity"),
                firstSeen(rs));
    }

    private static @Nullable String time(@Nullable LocalTime time) {
        return time == null ? null : time.toString();
    }

    private static @Nullable LocalTime localTime(@Nullable String text) {
        return text == null ? null : LocalTime.parse(text);
    }

    private static Map<String, Object> filtersJson(ArticleQuery.Filters f) {
        return Map.of(
                "topics", f.topics(), "sources", f.sources(), "entities", f.entities(), "languages", f.languages());
    }

    private static ArticleQuery.Filters filters(String json) {
        try {
            StoredFilters f = JSON.readValue(json, StoredFilters.class);
            return new ArticleQuery.Filters(
                    orEmpty(f.topics()), orEmpty(f.sources()), orEmpty(f.entities()), orEmpty(f.languages()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable filters in the database: " + json, e);
        }
    }

    private List<Map<String, Object>> channelsJson(List<Channel> channels) {
        return channels.stream()
                .map(c -> {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("type", c.type());
                    switch (c) {
                        case Channel.Email e -> m.put("address", e.address());
                        case Channel.Webhook w -> {
                            // a still undecryptable value stays as it was stored
                            m.put("url", SecretCipher.isEncrypted(w.url()) ? w.url() : cipher.encrypt(w.url()));
                            if (w.secret() != null) {
                                m.put("secret", cipher.encrypt(w.secret()));
                            }
                            m.put("slack", w.slack());
                            if (w.teams()) {
                                m.put("teams", true);
                            }
                        }
                        case Channel.Telegram t -> m.put("chatId", t.chatId());
                        case Channel.InApp i -> {}
                    }
                    return m;
                })
                .toList();
    }

    List<Channel> channels(String json) {
        List<ChannelDefinition> stored;
        try {
            stored = JSON.readValue(json, new TypeReference<List<ChannelDefinition>>() {});
        } catch (JsonProcessingException e) {
            // not the JSON itself: it holds webhook URLs and secrets
            throw new IllegalStateException("unreadable channels in the database: " + e.getOriginalMessage());
        }
        return stored.stream()
                .<Channel>map(c -> switch (c.type() == null ? "" : c.type()) {
                    case "email" -> new Channel.Email(c.address() == null ? "" : c.address());
                    case "webhook" -> webhook(c);
                    case "telegram" -> new Channel.Telegram(c.chatId() == null ? "" : c.chatId());
                    default -> new Channel.InApp();
                })
                .toList();
    }

    /**
     * A webhook whose values another key encrypted keeps its URL encrypted (its sends fail saying
     * which setting is wrong), so the rest of the subscription and every other one still works.
     */
    private Channel.Webhook webhook(ChannelDefinition c) {
        String url = c.url() == null ? "" : c.url();
        try {
            return new Channel.Webhook(
                    cipher.decrypt(url),
                    c.secret() == null ? null : cipher.decrypt(c.secret()),
                    Boolean.TRUE.equals(c.slack()),
                    Boolean.TRUE.equals(c.teams()));
        } catch (SecretCipher.UndecryptableException e) {
            log.error(e.getMessage());
            return new Channel.Webhook(url, null, Boolean.TRUE.equals(c.slack()), Boolean.TRUE.equals(c.teams()));
        }
    }

    private record StoredFilters(
            @Nullable Map<String, Double> topics,
            @Nullable List<String> sources,
            @Nullable List<String> entities,
            @Nullable List<String> languages) {}

    private static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <K, V> Map<K, V> orEmpty(@Nullable Map<K, V> map) {
        return map == null ? Map.of() : map;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
