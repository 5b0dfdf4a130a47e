package org.outpost.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatelineFinderTest {

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", textBlock = """
            Interview - February 2, 2015       => 2015-02-02
            Thursday, 20 October 2022 09:23    => 2022-10-20
            2022-10-20                         => 2022-10-20
            2022-10-20T09:23:00+05:00          => 2022-10-20
            20.10.2022                         => 2022-10-20
            20.10.2022 14:05                   => 2022-10-20
            Oct 20, 2022                       => 2022-10-20
            20 Oct 2022                        => 2022-10-20
            Sept. 3rd, 2021                    => 2021-09-03
            Posted on Monday, March 4, 2024    => 2024-03-04
            Published: 2024-03-04 at 10:15 AM  => 2024-03-04
            News | Wed, 6 Mar 2024, 8:00 GMT+5  => 2024-03-06
            09:23, 20 October 2022             => 2022-10-20
            Dushanbe, 18 October 2022          => 2022-10-18
            16 ноября 2026                     => 2026-11-16
            Душанбе, 16 ноября 2026 года       => 2026-11-16
            16 ноября 2026 г.                  => 2026-11-16
            16.11.2026 09:00                   => 2026-11-16
            16.11.2026, 09:00                  => 2026-11-16
            16 ноя 2026, 09:15                 => 2026-11-16
            Опубликовано: 3 мая 2026           => 2026-05-03
            Четверг, 12 марта 2026             => 2026-03-12
            16 декабри соли 2025               => 2025-12-16
            16 dekabr 2025                     => 2025-12-16
            Астана, 16 желтоқсан 2025          => 2025-12-16
            """)
    void readsTheDateOfADateline(String line, LocalDate expected) {
        assertThat(DatelineFinder.parse(line)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "On March 14 Tajikistan’s parliament finally passed legislation.",
                "Conference held on 18 October 2022",
                "Встреча состоялась 16 ноября 2026 года",
                "16 маршрутов 2026",
                "The summit opened on Oct 20, 2022",
                "Dushanbe, May 3-4, 2018",
                "31.02.2022",
                "Smarch 3, 2022",
                "Update At 14:00",
                "2022",
                "International cooperation against transnational crime, terrorism and the drug trade"
            })
    void rejectsLinesThatAreNotDatelines(String line) {
        assertThat(DatelineFinder.parse(line)).isEmpty();
    }
}
