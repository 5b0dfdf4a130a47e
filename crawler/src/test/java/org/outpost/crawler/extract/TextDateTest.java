package org.outpost.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TextDateTest {

    private static final Instant MARCH_12 = Instant.parse("2024-03-12T00:00:00Z");

    @Test
    void readsTheUsualWrittenForms() {
        assertThat(TextDate.find("Dushanbe, 12 March 2024 — The ministry said")).contains(MARCH_12);
        assertThat(TextDate.find("Posted: March 12, 2024")).contains(MARCH_12);
        assertThat(TextDate.find("Tuesday, 12th of March, 2024")).contains(MARCH_12);
        assertThat(TextDate.find("Date: 2024-03-12")).contains(MARCH_12);
        assertThat(TextDate.find("12.03.2024 г. | Просмотров: 1 204")).contains(MARCH_12);
        assertThat(TextDate.find("Бишкек, 12 марта 2024 года")).contains(MARCH_12);
        assertThat(TextDate.find("le 12 mars 2024")).contains(MARCH_12);
    }

    @Test
    void takesTheFirstDateAndIgnoresImpossibleOnes() {
        assertThat(TextDate.find("Updated 14 March 2024. Published 12 March 2024"))
                .contains(Instant.parse("2024-03-14T00:00:00Z"));
        assertThat(TextDate.find("31.02.2024 and then 2024-03-12")).contains(MARCH_12);
        assertThat(TextDate.find("In March parliament passed the law; 2,024 people attended."))
                .isEmpty();
    }

    private static final Instant NOV_16 = Instant.parse("2026-11-16T00:00:00Z");
    private static final Instant FETCHED = Instant.parse("2026-11-16T07:00:00Z");

    @Test
    void readsRussianDatesInTheirGenitiveAbbreviatedAndNumericForms() {
        assertThat(TextDate.find("16 ноября 2026")).contains(NOV_16);
        assertThat(TextDate.find("Душанбе, 16 ноября 2026 года — Пограничники")).contains(NOV_16);
        assertThat(TextDate.find("16.11.2026 09:00")).contains(NOV_16);
        assertThat(TextDate.find("16.11.2026, 09:00")).contains(NOV_16);
        assertThat(TextDate.find("16 ноя 2026, 09:15")).contains(NOV_16);
        assertThat(TextDate.find("16 нояб. 2026 г.")).contains(NOV_16);
        assertThat(TextDate.find("Ноябрь 16, 2026")).contains(NOV_16);
    }

    @Test
    void readsTajikUzbekKyrgyzAndKazakhMonthNames() {
        assertThat(TextDate.find("Душанбе, 16 ноябри соли 2026")).contains(NOV_16);
        assertThat(TextDate.find("16 декабри 2025")).contains(Instant.parse("2025-12-16T00:00:00Z"));
        assertThat(TextDate.find("Toshkent, 2026-yil 16-noyabr")).contains(NOV_16);
        assertThat(TextDate.find("2026 йил 16 ноябр")).contains(NOV_16);
        assertThat(TextDate.find("16-dekabr 2025")).contains(Instant.parse("2025-12-16T00:00:00Z"));
        assertThat(TextDate.find("Бишкек, 16-ноябрь 2026")).contains(NOV_16);
        assertThat(TextDate.find("Астана, 16 желтоқсан 2025")).contains(Instant.parse("2025-12-16T00:00:00Z"));
        assertThat(TextDate.find("2026 жылғы 16 қараша")).contains(NOV_16);
    }

    @Test
    void aDatelineWithoutAYearIsTheLatestSuchDayNotAfterTheFetch() {
        assertThat(TextDate.inLead("Душанбе, 16 ноя — «Памир-Пресс». Пограничники", FETCHED))
                .contains(NOV_16);
        // fetched in early January, a "30 декабря" dateline is last year's
        assertThat(TextDate.inLead("Бишкек, 30 декабря — АКИpress", Instant.parse("2027-01-02T08:00:00Z")))
                .contains(Instant.parse("2026-12-30T00:00:00Z"));
        // an English "2 may" is a verb, not a date
        assertThat(TextDate.inLead("Officials said 2 may be released", FETCHED)).isEmpty();
    }

    @Test
    void theDateAStoryStatesIsItsLatestFullDateNotAfterTheFetch() {
        String story = "The agreement of 27 June 1997 ended the civil war. On 18 October 2022 the conference opened in"
                + " Dushanbe, and its next session is planned for 20 December 2026.";

        assertThat(TextDate.latestStated(story, FETCHED)).contains(Instant.parse("2022-10-18T00:00:00Z"));
        assertThat(TextDate.latestStated("Конференция открылась 18 октября 2022 года в Душанбе.", FETCHED))
                .contains(Instant.parse("2022-10-18T00:00:00Z"));
        assertThat(TextDate.latestStated("The talks began on October 18, 2022.", FETCHED))
                .contains(Instant.parse("2022-10-18T00:00:00Z"));
        assertThat(TextDate.latestStated("In 2015 the law changed; the talks resume on 20 December.", FETCHED))
                .isEmpty();
    }
}
