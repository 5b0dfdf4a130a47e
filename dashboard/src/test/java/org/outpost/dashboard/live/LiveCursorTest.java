package org.outpost.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LiveCursorTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void movesOverIdsReadInOrder() {
        LiveCursor cursor = new LiveCursor(10, Duration.ofSeconds(30));
        assertThat(cursor.take(11)).isTrue();
        assertThat(cursor.take(12)).isTrue();
        cursor.advance(0);
        assertThat(cursor.floor()).isEqualTo(12);
        assertThat(cursor.waiting()).isZero();
    }

    @Test
    void aRowCommittedAfterAHigherOneIsStillTakenOnceAndTheHigherOneNotAgain() {
        LiveCursor cursor = new LiveCursor(10, Duration.ofSeconds(30));
        // 11's transaction is still open: the first poll sees 12 only
        assertThat(cursor.take(12)).isTrue();
        cursor.advance(0);
        assertThat(cursor.floor()).isEqualTo(10);
        // the next poll reads from 10 again: 11 has committed, 12 comes back
        assertThat(cursor.take(11)).isTrue();
        assertThat(cursor.take(12)).isFalse();
        cursor.advance(SECOND);
        assertThat(cursor.floor()).isEqualTo(12);
        assertThat(cursor.waiting()).isZero();
    }

    @Test
    void anIdThatNeverCommitsIsPassedOverAfterTheGrace() {
        LiveCursor cursor = new LiveCursor(10, Duration.ofSeconds(30));
        cursor.take(12);
        cursor.take(13);
        cursor.advance(0);
        cursor.advance(29 * SECOND);
        assertThat(cursor.floor()).isEqualTo(10);

        cursor.advance(30 * SECOND);
        assertThat(cursor.floor()).isEqualTo(13);
        assertThat(cursor.take(11)).as("below the floor now").isFalse();
        assertThat(cursor.waiting()).isZero();
    }

    @Test
    void rowsAtOrBelowTheStartAreNotTaken() {
        LiveCursor cursor = new LiveCursor(10, Duration.ofSeconds(30));
        assertThat(cursor.take(10)).isFalse();
        assertThat(cursor.take(3)).isFalse();
    }
}
