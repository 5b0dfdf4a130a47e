package org.outpost.alerts.spike;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Surges in progress. Each change is conditional on what this instance read, so when several
 * instances check spikes, one alone announces a start, an update or an end.
 */
@Repository
class SpikeStates {

    /** A surge announced at {@code startedAt}, last told at {@code notifiedAt}. */
    record State(Instant startedAt, Instant notifiedAt) {}

    private final JdbcClient jdbc;

    SpikeStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<State> find(long subscription, String scope) {
        return jdbc.sql("select started_at, notified_at from alert_spike_state where subscription_id = ? and scope = ?")
                .params(subscription, scope)
                .query((rs, row) -> new State(
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("notified_at").toInstant()))
                .optional();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when another instance started it first */
    void start(long subscription, String scope, Instant now) {
        jdbc.sql("insert into alert_spike_state (subscription_id, scope, started_at, notified_at) values (?, ?, ?, ?)")
                .params(subscription, scope, Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    /** @return false when another instance told it after {@code seen} */
    boolean renew(long subscription, String scope, Instant seen, Instant now) {
        return jdbc.sql("update alert_spike_state set notified_at = ?"
                                + " where subscription_id = ? and scope = ? and notified_at = ?")
                        .params(Timestamp.from(now), subscription, scope, Timestamp.from(seen))
                        .update()
                > 0;
    }

    /** @return false when another instance ended it first */
    boolean end(long subscription, String scope, Instant startedAt) {
        return jdbc.sql("delete from alert_spike_state where subscription_id = ? and scope = ? and started_at = ?")
                        .params(subscription, scope, Timestamp.from(startedAt))
                        .update()
                > 0;
    }

    /**
     * Forgets surges of subscriptions whose spike alerts were turned off, so turning them on
     * again starts afresh instead of announcing the end of a surge long gone.
     */
    int forgetSwitchedOff() {
        return jdbc.sql("delete from alert_spike_state where subscription_id in"
                        + " (select id from alert_subscription where spike_alerts = false)")
                .update();
    }
}
