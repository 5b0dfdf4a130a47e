package org.outpost.dashboard.database;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells the connection pool to drop connections to an H2 database that has closed itself.
 * When a write fails (a full disk), H2 closes the database and every open connection answers
 * "database closed" from then on; the pool would keep handing them out, so the app stayed
 * broken (even sign-in failed) after space returned, until a restart. Evicted, they are
 * replaced by new ones, which reopen the file. Set as
 * {@code spring.datasource.hikari.exception-override-class-name}; other databases never use
 * these codes, and everything else gets the pool's own judgement.
 */
public final class ClosedDatabaseEviction implements SQLExceptionOverride {

    /** H2's {@code ErrorCode.DATABASE_IS_CLOSED}: closed after a fatal error such as a failed write. */
    static final int DATABASE_IS_CLOSED = 90098;
    /** H2's {@code ErrorCode.DATABASE_CALLED_AT_SHUTDOWN}: closed by {@code SHUTDOWN}. */
    static final int DATABASE_CALLED_AT_SHUTDOWN = 90121;

    @java.lang.Override // the interface's nested enum Override hides the annotation's simple name
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
        int code = e.getErrorCode();
        return code == DATABASE_IS_CLOSED || code == DATABASE_CALLED_AT_SHUTDOWN
                ? SQLExceptionOverride.Override.MUST_EVICT
                : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}
