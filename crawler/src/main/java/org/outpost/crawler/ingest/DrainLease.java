package org.outpost.crawler.ingest;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which app instance drains the durable ingest queue: the {@code ingest-queue-drain} row of
 * {@code crawler_lease}, taken by a conditional update when free, held by its holder or past its
 * time, and renewed batch by batch. Without it two instances would read the same oldest rows and
 * index each article twice.
 */
@Repository
class DrainLease {

    /** Far longer than one batch takes; what a dead instance's lease keeps the queue waiting at most. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private static final String NAME = "ingest-queue-drain";

    private final JdbcClient jdbc;
    private final String holder = "drain-" + UUID.randomUUID().toString().substring(0, 8);

    DrainLease(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes or renews the lease; false while another instance holds it. */
    boolean acquire() {
        Instant now = Instant.now();
        return jdbc.sql("update crawler_lease set holder = ?, lease_until = ? where name = ?"
                                + " and (holder is null or holder = ? or lease_until < ?)")
                        .params(holder, Timestamp.from(now.plus(LEASE)), NAME, holder, Timestamp.from(now))
                        .update()
                > 0;
    }

    void release() {
        jdbc.sql("update crawler_lease set holder = null, lease_until = null where name = ? and holder = ?")
                .params(NAME, holder)
                .update();
    }
}
