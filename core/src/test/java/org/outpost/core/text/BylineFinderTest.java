package org.outpost.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BylineFinderTest {

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", textBlock = """
            By Nadin Bahrom                  => Nadin Bahrom
            BY JANE DOE                      => JANE DOE
            By Jane Doe, Reuters             => Jane Doe
            By Ahmad bin Said | Caravanserai  => Ahmad bin Said
            Written by Anna van der Berg     => Anna van der Berg
            Author: John Smith and Ann Lee   => John Smith and Ann Lee
            By R. J. Miralizoda              => R. J. Miralizoda
            Автор: Зарина Каримова           => Зарина Каримова
            Текст: Айбек Садыров             => Айбек Садыров
            Муаллиф: Фарангис Наимова        => Фарангис Наимова
            Автор: И. Петров, «Азия-Плюс»    => И. Петров
            """)
    void readsTheAuthorsName(String line, String author) {
        assertThat(BylineFinder.parse(line)).contains(author);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "By the end of the year, the border will be demarcated.",
                "By Reuters",
                "By 2030 the plan aims high",
                "Bystanders said nothing",
                "Фото: Зарина Каримова",
                "Фото: пресс-служба МВД",
                "By Nadin Bahrom and others who asked not to be named because they feared it"
            })
    void rejectsLinesThatAreNoBylines(String line) {
        assertThat(BylineFinder.parse(line)).isEmpty();
    }
}
