package org.outpost.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StatedDateTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @Test
    void readsFullDatesInEnglishAndRussianProse() {
        assertThat(StatedDate.fullDates("on 18 October 2022, then October 19, 2022, 20.10.2022 and 2022-10-21"))
                .containsExactlyInAnyOrder(
                        LocalDate.of(2022, 10, 18),
                        LocalDate.of(2022, 10, 19),
                        LocalDate.of(2022, 10, 20),
                        LocalDate.of(2022, 10, 21));
        assertThat(StatedDate.fullDates("Конференция открылась 18 октября 2022 года в Душанбе"))
                .containsExactly(LocalDate.of(2022, 10, 18));
    }

    @Test
    void takesTheLatestDateNotAfterToday() {
        String story = "The accord of 27 June 1997 was recalled on 18 October 2022; talks resume on 20 December 2026.";

        assertThat(StatedDate.of(story, null, TODAY)).contains(LocalDate.of(2022, 10, 18));
    }

    @Test
    void aYearlessDateTakesThePagesYearOrElseTheStorysLatestYear() {
        assertThat(StatedDate.of(
                        "The service said on October 19 that talks had failed.", LocalDate.of(2022, 10, 20), TODAY))
                .contains(LocalDate.of(2022, 10, 19));
        assertThat(StatedDate.of(
                        "On March 14 parliament passed the law it had debated since 2006 and 2007.", null, TODAY))
                .contains(LocalDate.of(2007, 3, 14));
        assertThat(StatedDate.of(
                        "Суд 17 октября приговорил блогера к десяти годам.", LocalDate.of(2022, 10, 20), TODAY))
                .contains(LocalDate.of(2022, 10, 17));
    }

    @Test
    void lowerCaseMayIsAVerbAndAYearlessPlanAfterThePagesDatesDoesNotCount() {
        assertThat(StatedDate.of("Officials said 2 may be released and 3 may not.", LocalDate.of(2022, 10, 20), TODAY))
                .isEmpty();
        assertThat(StatedDate.of("The G20 takes place on November 15-16.", LocalDate.of(2022, 10, 20), TODAY))
                .isEmpty();
        assertThat(StatedDate.of("The talks on May 3-4, 2018 changed nothing.", null, TODAY))
                .isEmpty();
    }
}
