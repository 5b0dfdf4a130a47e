package org.outpost.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static QuietHours nights(ZoneId zone, boolean weekends) {
        return new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), weekends, zone);
    }

    private static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @Test
    void aWindowPastMidnightHoldsFromItsStartToItsEndAndNotAMomentLonger() {
        QuietHours q = nights(BERLIN, false); // November: CET, UTC+1
        assertThat(q.releaseAt(at("2026-11-19T20:59:59Z"))).as("21:59:59").isEmpty();
        assertThat(q.releaseAt(at("2026-11-19T21:00:00Z"))).as("22:00").contains(at("2026-11-20T06:00:00Z"));
        assertThat(q.releaseAt(at("2026-11-20T02:00:00Z"))).as("03:00").contains(at("2026-11-20T06:00:00Z"));
        assertThat(q.releaseAt(at("2026-11-20T05:59:59Z"))).as("06:59:59").contains(at("2026-11-20T06:00:00Z"));
        assertThat(q.releaseAt(at("2026-11-20T06:00:00Z"))).as("07:00").isEmpty();
        assertThat(q.contains(at("2026-11-20T11:00:00Z"))).as("noon").isFalse();
    }

    @Test
    void aWindowWithinOneDayAndAnEmptyOne() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0), false, BERLIN);
        assertThat(lunch.releaseAt(at("2026-11-20T11:30:00Z"))).contains(at("2026-11-20T12:00:00Z"));
        assertThat(lunch.releaseAt(at("2026-11-20T12:00:00Z"))).isEmpty();
        assertThat(lunch.releaseAt(at("2026-11-20T10:59:59Z"))).isEmpty();

        QuietHours none = new QuietHours(LocalTime.of(8, 0), LocalTime.of(8, 0), false, BERLIN);
        for (int hour = 0; hour < 24; hour++) {
            assertThat(none.contains(at("2026-11-20T00:00:00Z").plus(Duration.ofHours(hour))))
                    .isFalse();
        }
    }

    /** Berlin leaves CET (UTC+1) for CEST (UTC+2) at 02:00 on Sunday 29 March 2026: that night is an hour shorter. */
    @Test
    void theNightTheClocksGoForwardEndsAtSevenLocalAnHourSoonerInUtc() {
        QuietHours q = nights(BERLIN, false);
        Instant start = at("2026-03-28T21:00:00Z"); // 22:00 CET
        assertThat(q.releaseAt(start)).contains(at("2026-03-29T05:00:00Z")); // 07:00 CEST
        assertThat(Duration.between(start, q.releaseAt(start).orElseThrow())).isEqualTo(Duration.ofHours(8));
        assertThat(q.releaseAt(at("2026-03-29T01:30:00Z")))
                .as("03:30 CEST, just after the gap")
                .contains(at("2026-03-29T05:00:00Z"));
        // and the next evening starts at 22:00 CEST, an hour earlier in UTC than the night before
        assertThat(q.contains(at("2026-03-29T19:59:59Z"))).isFalse();
        assertThat(q.releaseAt(at("2026-03-29T20:00:00Z"))).contains(at("2026-03-30T05:00:00Z"));
    }

    /** Berlin goes back from CEST to CET at 03:00 on Sunday 25 October 2026: that night is an hour longer. */
    @Test
    void theNightTheClocksGoBackEndsAtSevenLocalAnHourLaterInUtc() {
        QuietHours q = nights(BERLIN, false);
        Instant start = at("2026-10-24T20:00:00Z"); // 22:00 CEST
        assertThat(q.releaseAt(start)).contains(at("2026-10-25T06:00:00Z")); // 07:00 CET
        assertThat(Duration.between(start, q.releaseAt(start).orElseThrow())).isEqualTo(Duration.ofHours(10));
        assertThat(q.releaseAt(at("2026-10-25T00:30:00Z")))
                .as("02:30 CEST, the first time")
                .contains(at("2026-10-25T06:00:00Z"));
        assertThat(q.releaseAt(at("2026-10-25T01:30:00Z")))
                .as("02:30 CET, the second time")
                .contains(at("2026-10-25T06:00:00Z"));
        assertThat(q.contains(at("2026-10-25T06:00:00Z"))).isFalse();
    }

    @Test
    void anEndTheClocksSkipIsOverWhenTheClockJumpsPastIt() {
        // 02:30 does not exist in Berlin on 29 March 2026: 01:59:59 CET is followed by 03:00 CEST
        QuietHours q = new QuietHours(LocalTime.of(23, 0), LocalTime.of(2, 30), false, BERLIN);
        assertThat(q.releaseAt(at("2026-03-28T23:00:00Z"))).contains(at("2026-03-29T01:00:00Z"));
        assertThat(q.contains(at("2026-03-29T01:00:00Z"))).isFalse();
    }

    /** New York repeats 01:00–02:00 on 1 November 2026 (EDT, then EST). */
    @Test
    void anEndTheClocksPassTwiceIsTheSecondSoTheNightIsNotQuietAgainAfterItsEnd() {
        QuietHours q = new QuietHours(LocalTime.of(22, 0), LocalTime.of(1, 30), false, NEW_YORK);
        Instant release = at("2026-11-01T06:30:00Z"); // 01:30 EST
        assertThat(q.releaseAt(at("2026-11-01T05:15:00Z"))).as("01:15 EDT").contains(release);
        assertThat(q.releaseAt(at("2026-11-01T05:45:00Z"))).as("01:45 EDT").contains(release);
        assertThat(q.releaseAt(at("2026-11-01T06:15:00Z"))).as("01:15 EST").contains(release);
        assertThat(q.contains(release)).isFalse();
        assertThat(q.contains(at("2026-11-01T07:15:00Z"))).as("02:15 EST").isFalse();
    }

    @Test
    void weekendsRunIntoTheNightsAroundThemAsOneQuietTime() {
        QuietHours q = nights(BERLIN, true);
        Instant monday7 = at("2026-11-23T06:00:00Z");
        assertThat(q.releaseAt(at("2026-11-20T22:30:00Z"))).as("Friday 23:30").contains(monday7);
        assertThat(q.releaseAt(at("2026-11-21T11:00:00Z"))).as("Saturday noon").contains(monday7);
        assertThat(q.releaseAt(at("2026-11-22T22:00:00Z"))).as("Sunday 23:00").contains(monday7);
        assertThat(q.contains(monday7)).isFalse();
        assertThat(nights(BERLIN, false).contains(at("2026-11-21T11:00:00Z")))
                .as("Saturday noon without weekends")
                .isFalse();
        assertThat(nights(BERLIN, false).releaseAt(at("2026-11-20T22:30:00Z")))
                .as("Friday 23:30 without weekends")
                .contains(at("2026-11-21T06:00:00Z"));
    }
}
