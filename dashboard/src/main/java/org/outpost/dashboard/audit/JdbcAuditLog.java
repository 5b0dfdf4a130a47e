package org.outpost.dashboard.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log in the database, as Spring Boot's {@link AuditEventRepository}: Boot's audit
 * listener stores here every {@code AuditApplicationEvent} published in the app, and sign-ins
 * through {@link SignInAuditListener}. The data map is cleaned before it is stored: a key that
 * looks like it holds a secret is dropped whatever its value, so a publisher's slip does not
 * end up in a table admins read.
 */
@Repository
public class JdbcAuditLog implements AuditEventRepository {

    /** The data key that names the account acted upon; kept in its own column, for the filter. */
    public static final String TARGET = "user";

    static final String REMOTE_ADDRESS = "remoteAddress";
    private static final Pattern SECRET = Pattern.compile(
            "pass|pwd|secret|token|credential|authorization|cookie|session|apikey|api-key|api_key|private",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_DATA = 4000;
    private static final int MAX_NAME = 100;
    private static final Logger log = LoggerFactory.getLogger(JdbcAuditLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final AuditProperties properties;

    JdbcAuditLog(JdbcTemplate jdbc, AuditProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public void add(AuditEvent event) {
        Map<String, Object> data = clean(event.getData());
        Object address = data.remove(REMOTE_ADDRESS);
        String client = address != null ? address.toString() : currentClientAddress();
        Object target = data.get(TARGET);
        jdbc.update(
                "insert into audit_log (occurred_at, principal, event_type, target, client_address, data)"
                        + " values (?, ?, ?, ?, ?, ?)",
                Timestamp.from(event.getTimestamp()),
                cut(event.getPrincipal(), MAX_NAME),
                cut(event.getType(), 50),
                target == null ? null : cut(target.toString(), MAX_NAME),
                client == null ? null : cut(client, 64),
                json(data));
    }

    @Override
    public List<AuditEvent> find(@Nullable String principal, @Nullable Instant after, @Nullable String type) {
        return list(new AuditQuery(principal, type, after, null), 0, 1000).stream()
                .map(e -> new AuditEvent(e.time(), e.principal(), e.type(), e.data()))
                .toList();
    }

    /** Newest first. */
    public List<AuditEntry> list(AuditQuery query, long offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(query, params);
        params.add(offset);
        params.add(limit);
        return jdbc.query(
                "select id, occurred_at, principal, event_type, target, client_address, data from audit_log" + where
                        + " order by occurred_at desc, id desc offset ? rows fetch next ? rows only",
                this::map,
                params.toArray());
    }

    public long count(AuditQuery query) {
        List<Object> params = new ArrayList<>();
        Long count = jdbc.queryForObject(
                "select count(*) from audit_log" + where(query, params), Long.class, params.toArray());
        return count == null ? 0 : count;
    }

    /** Every day: entries older than the retention setting go. */
    @Scheduled(cron = "0 23 3 * * *")
    void cleanUp() {
        int deleted = deleteBefore(Instant.now().minus(properties.retention()));
        if (deleted > 0) {
            log.info("Deleted {} audit log entries older than {}", deleted, properties.retention());
        }
    }

    int deleteBefore(Instant cutoff) {
        return jdbc.update("delete from audit_log where occurred_at < ?", Timestamp.from(cutoff));
    }

    private static String where(AuditQuery query, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (query.user() != null && !query.user().isBlank()) {
            conditions.add("(principal = ? or target = ?)");
            params.add(query.user());
            params.add(query.user());
        }
        if (query.type() != null && !query.type().isBlank()) {
            conditions.add("event_type = ?");
            params.add(query.type().toUpperCase(Locale.ROOT));
        }
        if (query.from() != null) {
            conditions.add("occurred_at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            conditions.add("occurred_at < ?");
            params.add(Timestamp.from(query.to()));
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong(1),
                rs.getTimestamp(2).toInstant(),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                parse(rs.getString(7)));
    }

    /** Plain values only (a details object could carry anything), and no key that looks secret. */
    static Map<String, Object> clean(Map<String, Object> data) {
        Map<String, Object> out = new LinkedHashMap<>();
        data.forEach((key, value) -> {
            if (value == null || SECRET.matcher(key).find()) {
                return;
            }
            out.put(key, value instanceof Number || value instanceof Boolean ? value : cut(value.toString(), 500));
        });
        return out;
    }

    private static @Nullable String currentClientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr()
                : null;
    }

    private static String json(Map<String, Object> data) {
        try {
            return cut(JSON.writeValueAsString(data), MAX_DATA);
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }

    private static Map<String, Object> parse(@Nullable String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            // cut at the column's length: shown as it is rather than lost
            return Map.of("text", json);
        }
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
