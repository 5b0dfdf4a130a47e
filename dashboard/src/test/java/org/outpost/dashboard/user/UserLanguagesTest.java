package org.outpost.dashboard.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class UserLanguagesTest {

    @Test
    void aReaderWhoHasNotChosenReadsTheFirstOfTheirBrowsersLanguagesTheInterfaceKnows() {
        assertThat(UserLanguages.fromBrowser(locales("ru-RU", "ru", "en-US"))).isEqualTo(UserLanguages.RUSSIAN);
        assertThat(UserLanguages.fromBrowser(locales("kk-KZ", "ru", "en")))
                .as("Kazakh first, then Russian")
                .isEqualTo(UserLanguages.RUSSIAN);
        assertThat(UserLanguages.fromBrowser(locales("en-GB", "ru"))).isEqualTo(UserLanguages.ENGLISH);
        assertThat(UserLanguages.fromBrowser(locales("de-DE", "fr"))).isEqualTo(UserLanguages.ENGLISH);
        assertThat(UserLanguages.fromBrowser(List.of())).isEqualTo(UserLanguages.ENGLISH);
    }

    @Test
    void languageCodesAreReadInAnyCaseAndRegion() {
        assertThat(UserLanguages.supported("RU")).contains(UserLanguages.RUSSIAN);
        assertThat(UserLanguages.supported("ru_KZ")).contains(UserLanguages.RUSSIAN);
        assertThat(UserLanguages.supported("en-US")).contains(UserLanguages.ENGLISH);
        assertThat(UserLanguages.supported("tg")).isEmpty();
        assertThat(UserLanguages.supported(" ")).isEmpty();
    }

    private static List<Locale> locales(String... tags) {
        return java.util.Arrays.stream(tags).map(Locale::forLanguageTag).toList();
    }
}
