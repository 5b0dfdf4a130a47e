package org.outpost.crawler.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

/** A source's cron means what a report's means: Spring's dialect, run by Quartz. */
class ScheduleDialectTest {

    /** Friday 2026-03-06, noon UTC. */
    private static final Instant FRIDAY_NOON = Instant.parse("2026-03-06T12:00:00Z");

    @Test
    void aSourceFiresWhenSpringCronSaysForTheSameExpression() {
        for (String cron : List.of(
                "0 0 7 * * MON-FRI",
                "0 30 6 * * *",
                "0 0 9 1 * *",
                "0 0/15 6-18 * * SAT,SUN",
                "0 0 7 ? * FRI#2",
                "0 0 8 L * *",
                "0 0 7 * * *",
                "0 0 7 * * MON",
                "0 0 7 1 * *",
                "0 0 */6 * * *")) {
            assertThat(firings(Schedule.parse(cron, "UTC"))).as(cron).isEqualTo(springFirings(cron));
        }
    }

    @Test
    void weekdaysAreCountedFromMondayAsForReports() {
        // the same instants ReportScheduleTest expects of a report with this expression
        Schedule weekdays = Schedule.parse("0 0 7 * * MON-FRI", "UTC");
        assertThat(weekdays.nextAfter(FRIDAY_NOON)).isEqualTo(Instant.parse("2026-03-09T07:00:00Z"));
        assertThat(weekdays.quartzExpression()).isEqualTo("0 0 7 ? * MON-FRI");
    }

    @Test
    void aWeekdayWrittenAsANumberIsRefusedNamingTheDialect() {
        for (String cron : List.of("0 0 7 * * 1", "0 0 7 ? * 1-5", "0 0 7 * * 5L", "0 0 7 * * MON,3")) {
            assertThatThrownBy(() -> Schedule.parse(cron, "UTC"))
                    .as(cron)
                    .isInstanceOfSatisfying(InvalidSourceException.class, e -> {
                        assertThat(e.key()).isEqualTo("source.schedule.weekdayNumber");
                        assertThat(e.message(Locale.ENGLISH))
                                .contains("Spring cron")
                                .contains("1 is Monday")
                                .contains("Quartz");
                        assertThat(e.message(Locale.forLanguageTag("ru")))
                                .contains("cron Spring")
                                .contains("1 — понедельник");
                    });
        }
    }

    @Test
    void aScheduleSavedAsQuartzCronKeepsItsMeaning() {
        // saved before there was one dialect: Quartz's 2 is Monday
        Schedule monday = Schedule.stored("0 0 6 ? * 2", "UTC");
        assertThat(monday.quartzExpression()).isEqualTo("0 0 6 ? * 2");
        assertThat(monday.nextAfter(FRIDAY_NOON)).isEqualTo(Instant.parse("2026-03-09T06:00:00Z"));
        assertThat(Schedule.stored("0 0 6 ? * MON 2027", "UTC").nextAfter(FRIDAY_NOON))
                .isEqualTo(Instant.parse("2027-01-04T06:00:00Z"));
    }

    @Test
    void whatQuartzCannotRunAsSpringReadsItIsRefused() {
        // Spring: Friday the 13th; Quartz cannot set both day fields
        assertThatThrownBy(() -> Schedule.parse("0 0 7 13 * FRI", "UTC"))
                .isInstanceOfSatisfying(
                        InvalidSourceException.class, e -> assertThat(e.key()).isEqualTo("source.schedule.dialect"));
        // a year is Quartz's seventh field, not Spring's
        assertThatThrownBy(() -> Schedule.parse("0 0 6 ? * MON 2027", "UTC"))
                .isInstanceOfSatisfying(
                        InvalidSourceException.class,
                        e -> assertThat(e.message(Locale.ENGLISH)).contains("Spring cron"));
    }

    private static List<Instant> firings(Schedule schedule) {
        List<Instant> at = new ArrayList<>();
        Instant t = FRIDAY_NOON;
        for (int i = 0; i < 20; i++) {
            t = schedule.nextAfter(t);
            at.add(t);
        }
        return at;
    }

    private static List<Instant> springFirings(String cron) {
        List<Instant> at = new ArrayList<>();
        ZonedDateTime t = FRIDAY_NOON.atZone(ZoneOffset.UTC);
        for (int i = 0; i < 20; i++) {
            t = CronExpression.parse(cron).next(t);
            at.add(t.toInstant());
        }
        return at;
    }
}
