package org.outpost.alerts.newname;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The new names told to each subscription ({@code alert_first_seen}): each at most once. */
@Repository
class FirstSeenRepository {

    private final JdbcClient jdbc;

    FirstSeenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The entities told to this subscription already, so they are not looked up again. */
    Set<String> told(long subscriptionId) {
        return new HashSet<>(jdbc.sql("select entity from alert_first_seen where subscription_id = ?")
                .param(subscriptionId)
                .query(String.class)
                .list());
    }

    /**
     * Records that this entity is told to this subscription, in the caller's transaction.
     *
     * @throws DuplicateKeyException when it was already (here or by another instance): the primary
     *     key decides. The caller lets it end the transaction, which PostgreSQL could not go on with.
     */
    void claim(long subscriptionId, String entity, Instant firstAt, long sources, Instant now) {
        jdbc.sql("insert into alert_first_seen (subscription_id, entity, first_at, sources, announced_at)"
                        + " values (?, ?, ?, ?, ?)")
                .params(subscriptionId, entity, Timestamp.from(firstAt), (int) sources, Timestamp.from(now))
                .update();
    }
}
