package org.outpost.crawler.health;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outpost.crawler.run.RunStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a source did lately, as the crawler recorded it: its articles' dates and its runs' ends.
 * Source health and adaptive scheduling both learn from it.
 */
@Repository
public class SourceActivity {

    /** A finished run: how it ended and why. */
    public record Ended(
            RunStatus status, Instant startedAt, @Nullable String message) {}

    private final JdbcClient jdbc;

    SourceActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The source's latest article dates between {@code from} and {@code to}, newest first. A date
     * ahead of {@code to} (a site's wrong clock) is left out: it would hide a silence.
     */
    public List<Instant> articleDates(long sourceId, Instant from, Instant to, int max) {
        return jdbc.sql("select coalesce(dated_at, fetched_at) as d from crawled_page where source_id = ?"
                        + " and coalesce(dated_at, fetched_at) >= ? and coalesce(dated_at, fetched_at) <= ?"
                        + " order by d desc fetch first " + max + " rows only")
                .params(sourceId, Timestamp.from(from), Timestamp.from(to))
                .query((rs, row) -> rs.getTimestamp(1).toInstant())
                .list();
    }

    /** The source's latest finished runs, newest first; interrupted runs say nothing of the source and are left out. */
    public List<Ended> endedRuns(long sourceId, int max) {
        return jdbc.sql("select status, started_at, message from crawl_run where source_id = ? and status not in (?, ?)"
                        + " order by started_at desc, id desc fetch first " + max + " rows only")
                .params(sourceId, RunStatus.RUNNING.name(), RunStatus.INTERRUPTED.name())
                .query((rs, row) -> new Ended(
                        RunStatus.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .list();
    }
}
