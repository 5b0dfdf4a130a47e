package org.outpost.dashboard.live;

import java.time.Duration;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Where a poll of {@code live_event} goes on from. Ids are taken when a row is inserted but become
 * visible when its transaction commits, so a row can appear below one already read (a crawl's
 * transaction began first and committed later). The cursor therefore keeps a floor below which
 * every id was handled and the ids above it that were; an id missing for longer than the grace
 * belongs to a transaction that rolled back, and is passed over.
 */
final class LiveCursor {

    private final Duration grace;
    private final TreeSet<Long> seen = new TreeSet<>();
    private long floor;
    private long gapSinceNanos;
    private boolean gap;

    LiveCursor(long start, Duration grace) {
        this.floor = start;
        this.grace = grace;
    }

    /** Read rows with ids above this. */
    long floor() {
        return floor;
    }

    /** @return whether the row is new to this cursor (false: it was handled in an earlier poll) */
    boolean take(long id) {
        return id > floor && seen.add(id);
    }

    /** After a poll: moves the floor over what is contiguous, and over gaps older than the grace. */
    void advance(long nowNanos) {
        contiguous();
        if (seen.isEmpty()) {
            gap = false;
            return;
        }
        if (!gap) {
            gap = true;
            gapSinceNanos = nowNanos;
        } else if (nowNanos - gapSinceNanos >= grace.toNanos()) {
            floor = seen.pollFirst();
            contiguous();
            gap = !seen.isEmpty();
            gapSinceNanos = nowNanos;
        }
    }

    private void contiguous() {
        @Nullable Long first;
        while ((first = seen.isEmpty() ? null : seen.first()) != null && first == floor + 1) {
            floor = seen.pollFirst();
        }
    }

    /** Ids handled above the floor: bounded by the rows one poll reads while a gap waits. */
    int waiting() {
        return seen.size();
    }
}
