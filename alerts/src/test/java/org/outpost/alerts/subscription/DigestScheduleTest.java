package org.outpost.alerts.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DigestScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void dailyStaysOnLocalTimeAcrossBothDstChanges() {
        DigestSchedule daily = new DigestSchedule(Frequency.DAILY, LocalTime.of(8, 0), DayOfWeek.MONDAY, BERLIN);
        assertThat(daily.next(Instant.parse("2026-03-28T07:00:00Z"))).isEqualTo("2026-03-29T06:00:00Z");
        assertThat(daily.next(Instant.parse("2026-10-24T06:00:00Z"))).isEqualTo("2026-10-25T07:00:00Z");
    }

    @Test
    void aTimeSkippedByTheClocksIsSentJustAfterTheGap() {
        DigestSchedule daily = new DigestSchedule(Frequency.DAILY, LocalTime.of(2, 30), DayOfWeek.MONDAY, BERLIN);
        // 02:30 does not exist on 29 March in Berlin: 03:30 CEST = 01:30Z
        assertThat(daily.next(Instant.parse("2026-03-28T12:00:00Z"))).isEqualTo("2026-03-29T01:30:00Z");
    }

    @Test
    void weeklyOnItsDayAndHourlyAtItsMinute() {
        DigestSchedule weekly =
                new DigestSchedule(Frequency.WEEKLY, LocalTime.of(9, 0), DayOfWeek.MONDAY, ZoneId.of("Asia/Dushanbe"));
        // Wednesday 25 Nov 2026 → Monday 30 Nov 09:00 +05 = 04:00Z
        assertThat(weekly.next(Instant.parse("2026-11-25T10:00:00Z"))).isEqualTo("2026-11-30T04:00:00Z");
        assertThat(weekly.next(Instant.parse("2026-11-30T04:00:00Z"))).isEqualTo("2026-12-07T04:00:00Z");
        DigestSchedule hourly = new DigestSchedule(Frequency.HOURLY, LocalTime.of(0, 15), DayOfWeek.MONDAY, BERLIN);
        assertThat(hourly.next(Instant.parse("2026-11-25T10:20:00Z"))).isEqualTo("2026-11-25T11:15:00Z");
        assertThat(hourly.next(Instant.parse("2026-11-25T10:14:59Z"))).isEqualTo("2026-11-25T10:15:00Z");
    }
}
