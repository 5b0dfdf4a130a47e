package org.outpost.dashboard.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.outpost.dashboard.user.UserLanguages;

class TextsTest {

    private static final Locale RU = UserLanguages.RUSSIAN;
    private static final Locale EN = UserLanguages.ENGLISH;

    @Test
    void countedTextsTakeTheRussianPluralForms() {
        assertThat(List.of(1, 2, 5, 11, 12, 21, 22, 25, 111, 104).stream()
                        .map(n -> Texts.count(RU, "explore.articles", n))
                        .toList())
                .containsExactly(
                        "1 статья",
                        "2 статьи",
                        "5 статей",
                        "11 статей",
                        "12 статей",
                        "21 статья",
                        "22 статьи",
                        "25 статей",
                        "111 статей",
                        "104 статьи");
        assertThat(Texts.count(EN, "explore.articles", 1)).isEqualTo("1 article");
        assertThat(Texts.count(EN, "explore.articles", 21)).isEqualTo("21 articles");
        assertThat(Texts.count(EN, "explore.articles", 12345)).isEqualTo("12,345 articles");
    }

    @Test
    void relativeTimesReadInTheReadersLanguage() {
        Instant now = Instant.parse("2026-12-04T18:00:00Z");
        assertThat(Texts.ago(EN, now.minus(5, ChronoUnit.MINUTES), now)).isEqualTo("5 min ago");
        assertThat(Texts.ago(RU, now.minus(5, ChronoUnit.MINUTES), now)).isEqualTo("5 мин назад");
        assertThat(Texts.ago(RU, now.minus(3, ChronoUnit.HOURS), now)).isEqualTo("3 ч назад");
        assertThat(Texts.ago(RU, now.minus(2, ChronoUnit.DAYS), now)).isEqualTo("2 дня назад");
        assertThat(Texts.ago(EN, now.minusSeconds(20), now)).isEqualTo("just now");
    }

    @Test
    void datesAndNumbersAreWrittenAsTheLanguageWritesThem() {
        Instant at = Instant.parse("2026-12-04T18:29:00Z");
        ZoneId dushanbe = ZoneId.of("Asia/Dushanbe");
        assertThat(LocalFormat.date(at, dushanbe, RU)).isEqualTo("4 декабря 2026");
        assertThat(LocalFormat.date(at, dushanbe, EN)).isEqualTo("4 December 2026");
        assertThat(LocalFormat.dateTime(at, dushanbe, EN)).isEqualTo("4 Dec 2026, 23:29");
        assertThat(LocalFormat.dateTime(at, dushanbe, RU)).startsWith("4 дек").endsWith("2026, 23:29");
        assertThat(LocalFormat.number(12345, EN)).isEqualTo("12,345");
        assertThat(LocalFormat.number(12345, RU).replaceAll("[\\s\\u00A0\\u202F]", " "))
                .isEqualTo("12 345");
        assertThat(LocalFormat.decimal(1.5, RU)).isEqualTo("1,5");
    }

    @Test
    void datePickersNameMonthsAndDaysInTheReadersLanguageAndStartTheWeekAsItDoes() {
        var russian = DatePickers.i18n(RU);
        assertThat(russian.getMonthNames()).startsWith("январь", "февраль");
        assertThat(russian.getFirstDayOfWeek()).as("Monday").isEqualTo(1);
        assertThat(russian.getToday()).isEqualTo("Сегодня");
        assertThat(DatePickers.i18n(EN).getMonthNames()).startsWith("January");
    }

    @Test
    void topicsAreNamedInRussianUnlessTheirDefinitionRenamedThem() {
        assertThat(TopicNames.of("drug_trafficking", "Drug trafficking", RU)).isEqualTo("Наркотрафик");
        assertThat(TopicNames.of("drug_trafficking", "Drug trafficking", EN)).isEqualTo("Drug trafficking");
        assertThat(TopicNames.of("drug_trafficking", "Narcotics (Ferghana valley)", RU))
                .isEqualTo("Narcotics (Ferghana valley)");
        assertThat(TopicNames.of("water_disputes", "Water disputes", RU)).isEqualTo("Water disputes");
    }

    @Test
    void articleLanguagesAreNamedInTheReadersLanguageAndUnknownCodesShownAsTheyAre() {
        assertThat(LanguageNames.of("ru", RU)).isEqualTo("русский");
        assertThat(LanguageNames.of("tg", EN)).isEqualTo("Tajik");
        assertThat(LanguageNames.of("xx", RU)).isEqualTo("xx");
    }
}
