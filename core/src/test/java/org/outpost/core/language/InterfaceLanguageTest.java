package org.outpost.core.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class InterfaceLanguageTest {

    @Test
    void russianCountsHaveThreeFormsAndEnglishTwo() {
        Locale ru = Locale.forLanguageTag("ru-KZ");
        assertThat(java.util.List.of(1L, 21L, 101L))
                .allSatisfy(n -> assertThat(InterfaceLanguage.pluralForm(ru, n)).isEqualTo("one"));
        assertThat(java.util.List.of(2L, 4L, 22L, 104L))
                .allSatisfy(n -> assertThat(InterfaceLanguage.pluralForm(ru, n)).isEqualTo("few"));
        assertThat(java.util.List.of(0L, 5L, 11L, 12L, 14L, 25L, 111L))
                .allSatisfy(n -> assertThat(InterfaceLanguage.pluralForm(ru, n)).isEqualTo("many"));
        assertThat(InterfaceLanguage.pluralForm(Locale.ENGLISH, 1)).isEqualTo("one");
        assertThat(InterfaceLanguage.pluralForm(Locale.GERMAN, 21)).isEqualTo("many");
        assertThat(InterfaceLanguage.pluralForm(null, 2)).isEqualTo("many");
    }

    @Test
    void onlyARussianLocaleReadsRussian() {
        assertThat(InterfaceLanguage.isRussian(Locale.forLanguageTag("ru-RU"))).isTrue();
        assertThat(InterfaceLanguage.isRussian(Locale.forLanguageTag("uk"))).isFalse();
        assertThat(InterfaceLanguage.isRussian(null)).isFalse();
    }
}
