package org.outpost.dashboard.live;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code live_event} table: what happened on one app instance that pages open on the others
 * must show. Rows are written by the instance where it happened and read by every other one
 * ({@link LivePoller}); each instance knows its own rows by {@link #origin()}.
 */
@Repository
public class LiveEvents {

    private final JdbcClient jdbc;
    private final Clock clock;
    /** Host and process for a person reading the table, a random part so two starts never share it. */
    private final String origin = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    LiveEvents(JdbcClient jdbc, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** This instance, as its rows name it. */
    public String origin() {
        return origin;
    }

    /** Tells the other instances that the topic files were reloaded here. */
    public void topicsReloaded() {
        record(LiveEventKind.TOPICS, null, null);
    }

    /** Tells the other instances that this user's inbox changed here (notifications read). */
    public void inboxChanged(String owner) {
        record(LiveEventKind.INBOX, null, owner);
    }

    void record(LiveEventKind kind, @Nullable String ref, @Nullable String owner) {
        jdbc.sql("insert into live_event (kind, ref, owner, origin, created_at) values (?, ?, ?, ?, ?)")
                .params(kind.name(), ref, owner, origin, Timestamp.from(clock.instant()))
                .update();
    }

    /** Rows after {@code id}, oldest first, at most {@code limit}. */
    List<LiveEvent> after(long id, int limit) {
        return jdbc.sql("select id, kind, ref, owner, origin from live_event where id > ? order by id fetch first "
                        + Math.max(1, limit) + " rows only")
                .param(id)
                .query((rs, row) -> new LiveEvent(
                        rs.getLong(1),
                        LiveEventKind.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    /** The newest row's id, 0 when there is none: where an instance that starts begins to read. */
    long latest() {
        Long max = jdbc.sql("select coalesce(max(id), 0) from live_event")
                .query(Long.class)
                .single();
        return max == null ? 0 : max;
    }

    int deleteBefore(Instant before) {
        return jdbc.sql("delete from live_event where created_at < ?")
                .param(Timestamp.from(before))
                .update();
    }
}
