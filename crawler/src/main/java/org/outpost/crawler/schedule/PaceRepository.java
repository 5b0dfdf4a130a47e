package org.outpost.crawler.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.outpost.crawler.PollPace;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Adaptive sources' learned paces. */
@Repository
class PaceRepository {

    private static final String COLUMNS =
            "source_id, interval_s, why, usual_gap_s, silent_s, failed_runs, bound, learned_at";

    private final JdbcClient jdbc;

    PaceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PollPace> find(long sourceId) {
        return jdbc.sql("select " + COLUMNS + " from crawl_source_pace where source_id = ?")
                .param(sourceId)
                .query(PaceRepository::map)
                .optional();
    }

    Map<Long, PollPace> all() {
        return jdbc
                .sql("select " + COLUMNS + " from crawl_source_pace")
                .query((rs, row) -> Map.entry(rs.getLong("source_id"), map(rs, row)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void save(long sourceId, PollPace pace) {
        if (update(sourceId, pace) > 0) {
            return;
        }
        try {
            jdbc.sql("insert into crawl_source_pace (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            sourceId,
                            pace.interval().toSeconds(),
                            pace.why().name(),
                            seconds(pace.usualGap()),
                            seconds(pace.silentFor()),
                            pace.failedRuns(),
                            pace.bound() == null ? null : pace.bound().name(),
                            Timestamp.from(pace.learnedAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            update(sourceId, pace); // another instance inserted first: the later learning wins
        }
    }

    private int update(long sourceId, PollPace pace) {
        return jdbc.sql("update crawl_source_pace set interval_s = ?, why = ?, usual_gap_s = ?, silent_s = ?,"
                        + " failed_runs = ?, bound = ?, learned_at = ? where source_id = ?")
                .params(
                        pace.interval().toSeconds(),
                        pace.why().name(),
                        seconds(pace.usualGap()),
                        seconds(pace.silentFor()),
                        pace.failedRuns(),
                        pace.bound() == null ? null : pace.bound().name(),
                        Timestamp.from(pace.learnedAt()),
                        sourceId)
                .update();
    }

    private static @Nullable Long seconds(@Nullable Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }

    private static PollPace map(ResultSet rs, int row) throws SQLException {
        long gap = rs.getLong("usual_gap_s");
        Duration usualGap = rs.wasNull() ? null : Duration.ofSeconds(gap);
        long silent = rs.getLong("silent_s");
        Duration silentFor = rs.wasNull() ? null : Duration.ofSeconds(silent);
        String bound = rs.getString("bound");
        return new PollPace(
                Duration.ofSeconds(rs.getLong("interval_s")),
                PollPace.Why.valueOf(rs.getString("why")),
                usualGap,
                silentFor,
                rs.getInt("failed_runs"),
                bound == null ? null : PollPace.Bound.valueOf(bound),
                rs.getTimestamp("learned_at").toInstant());
    }
}
