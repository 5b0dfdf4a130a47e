package org.outpost.dashboard.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.outpost.dashboard.user.UserLanguages;

class BundlesTest {

    private static final Pattern PARAMETER = Pattern.compile("\\{(\\d+)");

    @Test
    void theEnglishAndRussianBundlesHaveTheSameKeys() throws IOException {
        Properties english = load("translations.properties");
        Properties russian = load("translations_ru.properties");

        assertThat(new TreeSet<>(russian.stringPropertyNames()))
                .as("keys of translations_ru.properties")
                .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
        assertThat(english.stringPropertyNames()).hasSizeGreaterThan(300);
    }

    @Test
    void aTranslationTakesTheSameParametersAsTheEnglishText() throws IOException {
        Properties english = load("translations.properties");
        Properties russian = load("translations_ru.properties");

        for (String key : english.stringPropertyNames()) {
            assertThat(parameters(russian.getProperty(key, "")))
                    .as(key)
                    .isEqualTo(parameters(english.getProperty(key)));
            assertThat(russian.getProperty(key, "")).as(key).isNotBlank();
            // a pattern that MessageFormat refuses would show the key instead of the text
            new MessageFormat(russian.getProperty(key, ""), UserLanguages.RUSSIAN);
        }
    }

    @Test
    void russianTextsAreInRussian() throws IOException {
        Properties russian = load("translations_ru.properties");
        Properties english = load("translations.properties");
        long cyrillic = russian.stringPropertyNames().stream()
                .filter(k -> russian.getProperty(k).matches("(?s).*\\p{IsCyrillic}.*"))
                .count();
        long same = russian.stringPropertyNames().stream()
                .filter(k -> russian.getProperty(k).equals(english.getProperty(k)))
                .count();
        // the same in both: date patterns, units, example addresses and codes; everything else is translated
        assertThat(same).as("texts left in English").isLessThan(20);
        assertThat(cyrillic).isGreaterThan(russian.size() - 20L);
    }

    @Test
    void aMissingKeyShowsAsTheKeyNotAsEnglish() {
        assertThat(new Messages().getTranslation("no.such.key", UserLanguages.RUSSIAN))
                .isEqualTo("!no.such.key!");
        assertThat(new Messages().getTranslation("nav.overview", Locale.GERMAN))
                .as("an unsupported language reads English")
                .isEqualTo("Overview");
        assertThat(new Messages().getTranslation("nav.overview", Locale.forLanguageTag("ru-KZ")))
                .isEqualTo("Обзор");
    }

    private static Set<String> parameters(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PARAMETER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
