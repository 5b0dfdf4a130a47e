package org.outpost.alerts.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReportScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aDailyRunStaysAtSevenLocalTimeAcrossTheSpringAndAutumnChanges() {
        ReportSchedule daily = ReportSchedule.parse("0 0 7 * * *", "Europe/Berlin");

        // clocks go forward on 29 March 2026: 07:00 is 06:00Z before, 05:00Z after
        Instant saturday = daily.nextAfter(Instant.parse("2026-03-27T12:00:00Z"));
        assertThat(saturday).isEqualTo(Instant.parse("2026-03-28T06:00:00Z"));
        Instant sunday = daily.nextAfter(saturday);
        assertThat(sunday).isEqualTo(Instant.parse("2026-03-29T05:00:00Z"));
        assertThat(daily.nextAfter(sunday)).isEqualTo(Instant.parse("2026-03-30T05:00:00Z"));

        // and back on 25 October 2026
        Instant october = daily.nextAfter(Instant.parse("2026-10-24T12:00:00Z"));
        assertThat(october).isEqualTo(Instant.parse("2026-10-25T06:00:00Z"));
        assertThat(daily.nextAfter(Instant.parse("2026-10-23T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-10-24T05:00:00Z"));
    }

    @Test
    void theDayAReportCoversIsTheLocalDaySoItIsShorterOrLongerOnAChange() {
        Instant springRun = Instant.parse("2026-03-29T05:00:00Z");
        assertThat(Duration.between(ReportPeriod.DAY.startOf(springRun, BERLIN), springRun))
                .isEqualTo(Duration.ofHours(23));
        Instant autumnRun = Instant.parse("2026-10-25T06:00:00Z");
        assertThat(Duration.between(ReportPeriod.DAY.startOf(autumnRun, BERLIN), autumnRun))
                .isEqualTo(Duration.ofHours(25));
        assertThat(ReportPeriod.WEEK.startOf(springRun, BERLIN)).isEqualTo(Instant.parse("2026-03-22T06:00:00Z"));
        assertThat(ReportPeriod.MONTH.startOf(springRun, BERLIN)).isEqualTo(Instant.parse("2026-02-28T06:00:00Z"));
    }

    @Test
    void aRunAtAnHourThatDoesNotExistThatNightStillHappensOnceThatDay() {
        ReportSchedule at0230 = ReportSchedule.parse("0 30 2 * * *", "Europe/Berlin");
        Instant first = at0230.nextAfter(Instant.parse("2026-03-28T12:00:00Z"));
        Instant second = at0230.nextAfter(first);
        // 02:30 on 29 March does not exist in Berlin: it runs when the clock has jumped to 03:30
        assertThat(first).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(second.atZone(BERLIN).toLocalDate()).hasToString("2026-03-30");
        assertThat(second.atZone(BERLIN).toLocalTime()).hasToString("02:30");
    }

    @Test
    void aRunAtAnHourThatOccursTwiceWhenClocksGoBackHappensOnce() {
        ReportSchedule at0230 = ReportSchedule.parse("0 30 2 * * *", "Europe/Berlin");
        Instant first = at0230.nextAfter(Instant.parse("2026-10-24T12:00:00Z"));
        assertThat(first).isEqualTo(Instant.parse("2026-10-25T00:30:00Z")); // 02:30 summer time
        assertThat(at0230.nextAfter(first)).isEqualTo(Instant.parse("2026-10-26T01:30:00Z"));
        // polled during the repeated hour, after the first 02:30
        assertThat(at0230.nextAfter(Instant.parse("2026-10-25T01:10:00Z")))
                .isEqualTo(Instant.parse("2026-10-26T01:30:00Z"));
    }

    @Test
    void aBadCronOrZoneNamesTheField() {
        assertThatThrownBy(() -> ReportSchedule.parse("0 0 99 * * *", "UTC"))
                .isInstanceOfSatisfying(
                        InvalidReportException.class, e -> assertThat(e.field()).isEqualTo("schedule"));
        assertThatThrownBy(() -> ReportSchedule.parse("0 0 7 * * *", "Mars/Olympus"))
                .isInstanceOfSatisfying(
                        InvalidReportException.class, e -> assertThat(e.field()).isEqualTo("timezone"));
    }

    @Test
    void chartGridStepsAreRoundNumbers() {
        assertThat(TrendChart.niceStep(4)).isEqualTo(1);
        assertThat(TrendChart.niceStep(9)).isEqualTo(2);
        assertThat(TrendChart.niceStep(23)).isEqualTo(5);
        assertThat(TrendChart.niceStep(480)).isEqualTo(100);
    }

    @Test
    void weekdaysAreCountedFromMondayAsForSources() {
        // the same instants the crawler's ScheduleDialectTest expects of a source with this expression
        ReportSchedule weekdays = ReportSchedule.parse("0 0 7 * * MON-FRI", "UTC");
        assertThat(weekdays.nextAfter(Instant.parse("2026-03-06T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-09T07:00:00Z"));
    }

    @Test
    void aWeekdayWrittenAsANumberIsRefusedNamingTheDialectButASavedOneStillRuns() {
        assertThatThrownBy(() -> ReportSchedule.parse("0 0 7 * * 1-5", "UTC"))
                .isInstanceOfSatisfying(InvalidReportException.class, e -> {
                    assertThat(e.field()).isEqualTo("schedule");
                    assertThat(e.reason()).contains("Spring cron").contains("1 is Monday");
                    assertThat(e.in(Locale.forLanguageTag("ru")).reason())
                            .contains("cron Spring")
                            .contains("1 — понедельник");
                });
        // saved before the refusal: Spring's 1 is Monday, as it always was for reports
        assertThat(ReportSchedule.stored("0 0 7 * * 1", "UTC").nextAfter(Instant.parse("2026-03-06T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-09T07:00:00Z"));
    }
}
