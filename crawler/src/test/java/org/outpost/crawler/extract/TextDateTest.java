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
        assertThat(TextDate.find("Updated 14 March 2024. Published 12 March 2024")).contains(Instant.parse("2024-03-14T00:00:00Z"));
        assertThat(TextDate.find("31.02.2024 and then 2024-03-12")).contains(MARCH_12);
        assertThat(TextDate.find("In March parliament passed the law; 2,024 people attended.")).isEmpty();
    }
}
