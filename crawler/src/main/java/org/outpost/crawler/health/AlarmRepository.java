package org.outpost.crawler.health;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.outpost.core.source.SourceHealthChanged.Problem;
import org.outpost.crawler.SourceAlarm;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sources' open problems, one row per source and problem. */
@Repository
class AlarmRepository {

    /** An open alarm of a source. */
    record Open(long sourceId, SourceAlarm alarm) {}

    private final JdbcClient jdbc;

    AlarmRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the alarm was open already (raised by another instance meanwhile) */
    boolean raise(long sourceId, SourceAlarm alarm) {
        try {
            return jdbc.sql("insert into crawl_source_alarm (source_id, problem, raised_at, since, usual_gap_s,"
                                    + " failed_runs, reason) values (?, ?, ?, ?, ?, ?, ?)")
                            .params(
                                    sourceId,
                                    alarm.problem().name(),
                                    Timestamp.from(alarm.raisedAt()),
                                    Timestamp.from(alarm.since()),
                                    alarm.usualGap() == null
                                            ? null
                                            : alarm.usualGap().toSeconds(),
                                    alarm.failedRuns(),
                                    alarm.reason() == null || alarm.reason().length() <= 2000
                                            ? alarm.reason()
                                            : alarm.reason().substring(0, 1999) + "…")
                            .update()
                    == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** @return false when no such alarm was open (cleared by another instance meanwhile) */
    boolean clear(long sourceId, Problem problem) {
        return jdbc.sql("delete from crawl_source_alarm where source_id = ? and problem = ?")
                        .params(sourceId, problem.name())
                        .update()
                == 1;
    }

    List<Open> all() {
        return jdbc.sql("select source_id, problem, raised_at, since, usual_gap_s, failed_runs, reason"
                        + " from crawl_source_alarm order by source_id, problem")
                .query(AlarmRepository::map)
                .list();
    }

    /** Open alarms by source id. */
    Map<Long, List<SourceAlarm>> bySource() {
        return all().stream()
                .collect(Collectors.groupingBy(
                        Open::sourceId, Collectors.mapping(Open::alarm, Collectors.toUnmodifiableList())));
    }

    private static Open map(ResultSet rs, int row) throws SQLException {
        long gap = rs.getLong("usual_gap_s");
        boolean noGap = rs.wasNull();
        return new Open(
                rs.getLong("source_id"),
                new SourceAlarm(
                        Problem.valueOf(rs.getString("problem")),
                        rs.getTimestamp("raised_at").toInstant(),
                        rs.getTimestamp("since").toInstant(),
                        noGap ? null : Duration.ofSeconds(gap),
                        rs.getInt("failed_runs"),
                        rs.getString("reason")));
    }
}
