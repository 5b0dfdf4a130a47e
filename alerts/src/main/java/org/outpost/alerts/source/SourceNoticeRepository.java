package org.outpost.alerts.source;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.outpost.core.source.SourceHealthChanged;
import org.outpost.core.source.SourceHealthChanged.Problem;
import org.outpost.core.source.SourceHealthChanged.State;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Source notices in the database. */
@Repository
class SourceNoticeRepository {

    private static final String COLUMNS = "id, recipient, source_id, source_name, problem, state, since, usual_gap_s,"
            + " failed_runs, reason, created_at, read_at, email_status";

    private final JdbcClient jdbc;

    SourceNoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when this recipient was told of this change already (the event delivered again) */
    boolean insert(String recipient, SourceHealthChanged change, boolean email, Instant now) {
        try {
            return jdbc.sql("insert into alert_source_notice (recipient, source_id, source_name, problem, state, since,"
                                    + " usual_gap_s, failed_runs, reason, created_at, email_status, email_attempts)"
                                    + " select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0 from (values (0)) as one (x)"
                                    + " where not exists (select 1 from alert_source_notice where recipient = ?"
                                    + " and source_id = ? and problem = ? and state = ? and since = ?)")
                            .params(
                                    recipient,
                                    change.sourceId(),
                                    truncate(change.sourceName(), 200),
                                    change.problem().name(),
                                    change.state().name(),
                                    Timestamp.from(change.since()),
                                    change.usualGap() == null
                                            ? null
                                            : change.usualGap().toSeconds(),
                                    change.failedRuns(),
                                    truncate(change.reason(), 2000),
                                    Timestamp.from(now),
                                    email ? "PENDING" : "NONE",
                                    recipient,
                                    change.sourceId(),
                                    change.problem().name(),
                                    change.state().name(),
                                    Timestamp.from(change.since()))
                            .update()
                    == 1;
        } catch (DuplicateKeyException e) {
            return false; // another instance told them at the same moment
        }
    }

    List<SourceNotice> list(String recipient, int limit) {
        return jdbc.sql("select " + COLUMNS + " from alert_source_notice where recipient = ? order by id desc"
                        + " fetch first " + limit + " rows only")
                .param(recipient)
                .query(SourceNoticeRepository::map)
                .list();
    }

    long unread(String recipient) {
        return jdbc.sql("select count(*) from alert_source_notice where recipient = ? and read_at is null")
                .param(recipient)
                .query(Long.class)
                .single();
    }

    int markRead(String recipient, @Nullable Long id, Instant now) {
        return id == null
                ? jdbc.sql("update alert_source_notice set read_at = ? where recipient = ? and read_at is null")
                        .params(Timestamp.from(now), recipient)
                        .update()
                : jdbc.sql(
                                "update alert_source_notice set read_at = ? where recipient = ? and id = ? and read_at is null")
                        .params(Timestamp.from(now), recipient, id)
                        .update();
    }

    /**
     * Notices whose email is due: waiting (and not held for quiet hours past {@code now}), or
     * claimed by an instance that stopped before sending.
     */
    List<Long> emailsDue(Instant now, Instant staleBefore, int limit) {
        return jdbc.sql("select id from alert_source_notice where (email_status = 'PENDING'"
                        + " and (email_not_before is null or email_not_before <= ?))"
                        + " or (email_status = 'SENDING' and email_claimed_at < ?) order by id fetch first " + limit
                        + " rows only")
                .params(Timestamp.from(now), Timestamp.from(staleBefore))
                .query(Long.class)
                .list();
    }

    /** @return the notice, when this instance won the claim on its email */
    Optional<SourceNotice> claimEmail(long id, Instant now, Instant staleBefore) {
        int claimed = jdbc.sql(
                        "update alert_source_notice set email_status = 'SENDING', email_claimed_at = ? where id = ?"
                                + " and ((email_status = 'PENDING' and (email_not_before is null or email_not_before <= ?))"
                                + " or (email_status = 'SENDING' and email_claimed_at < ?))")
                .params(Timestamp.from(now), id, Timestamp.from(now), Timestamp.from(staleBefore))
                .update();
        return claimed == 1 ? find(id) : Optional.empty();
    }

    void emailDone(long id, String status, @Nullable String error) {
        jdbc.sql("update alert_source_notice set email_status = ?, email_attempts = email_attempts + 1, email_error = ?"
                        + " where id = ?")
                .params(status, truncate(error, 2000), id)
                .update();
    }

    /** Puts a claimed email back to wait until {@code notBefore} (the end of quiet hours), not counted as an attempt. */
    void emailHeld(long id, Instant notBefore) {
        jdbc.sql("update alert_source_notice set email_status = 'PENDING', email_not_before = ? where id = ?")
                .params(Timestamp.from(notBefore), id)
                .update();
    }

    int emailAttempts(long id) {
        return jdbc.sql("select email_attempts from alert_source_notice where id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    Optional<SourceNotice> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from alert_source_notice where id = ?")
                .param(id)
                .query(SourceNoticeRepository::map)
                .optional();
    }

    private static SourceNotice map(ResultSet rs, int row) throws SQLException {
        long gap = rs.getLong("usual_gap_s");
        boolean noGap = rs.wasNull();
        Timestamp read = rs.getTimestamp("read_at");
        return new SourceNotice(
                rs.getLong("id"),
                rs.getString("recipient"),
                rs.getLong("source_id"),
                rs.getString("source_name"),
                Problem.valueOf(rs.getString("problem")),
                State.valueOf(rs.getString("state")),
                rs.getTimestamp("since").toInstant(),
                noGap ? null : Duration.ofSeconds(gap),
                rs.getInt("failed_runs"),
                rs.getString("reason"),
                rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant(),
                rs.getString("email_status"));
    }

    private static @Nullable String truncate(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
