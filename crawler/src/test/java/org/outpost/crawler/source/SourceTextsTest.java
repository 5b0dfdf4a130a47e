package org.outpost.crawler.source;

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
import org.junit.jupiter.api.function.Executable;

class SourceTextsTest {

    private static final Locale RU = Locale.of("ru");
    private static final Pattern PARAMETER = Pattern.compile("\\{(\\d+)");

    @Test
    void theEnglishAndRussianBundlesHaveTheSameKeysAndParameters() throws IOException {
        Properties english = load("messages.properties");
        Properties russian = load("messages_ru.properties");

        assertThat(new TreeSet<>(russian.stringPropertyNames()))
                .as("keys of messages_ru.properties")
                .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
        for (String key : english.stringPropertyNames()) {
            String text = russian.getProperty(key);
            assertThat(parameters(text)).as(key).isEqualTo(parameters(english.getProperty(key)));
            assertThat(text).as(key).matches("(?s).*\\p{IsCyrillic}.*");
            // a pattern MessageFormat refuses would turn a refusal into a server error
            new MessageFormat(text, RU);
            new MessageFormat(english.getProperty(key), Locale.ENGLISH);
        }
    }

    @Test
    void aRussianReaderIsToldWhatIsWrongWithEachFieldInRussian() {
        assertThat(refusal(() -> of("podcast", "https://a.example", "PT1H", "UTC", null, null)
                        .validate()))
                .satisfies(e -> assertThat(e.field()).isEqualTo("type"))
                .satisfies(e -> assertThat(e.message(RU))
                        .isEqualTo("неизвестный тип «podcast»; допустимы: rss, atom, sitemap, html, folder"));
        assertThat(refusal(() -> of("rss", "ftp://a.example/feed", "PT1H", "UTC", null, null)
                                .validate())
                        .message(RU))
                .isEqualTo("адрес «ftp://a.example/feed» должен начинаться с http:// или https://");
        assertThat(refusal(() ->
                                of("rss", "https://", "PT1H", "UTC", null, null).validate())
                        .message(RU))
                .startsWith("«https://» — недопустимый адрес: ");
        assertThat(refusal(() -> of("folder", "relative/dir", "PT1H", "UTC", null, null)
                                .validate())
                        .message(RU))
                .isEqualTo("для источника-папки нужен абсолютный путь, а указано «relative/dir»");
        assertThat(refusal(() -> of("rss", "https://a.example", "every hour", "UTC", null, null)
                                .validate())
                        .message(RU))
                .startsWith("«every hour» — это ни интервал ISO-8601 (PT15M), ни выражение cron в формате Spring");
        assertThat(refusal(() -> of("rss", "https://a.example", "0 0 99 * * ?", "UTC", null, null)
                                .validate())
                        .message(RU))
                .isEqualTo("«0 0 99 * * ?»: поле «часы» должно быть от 0 до 23, а указано 99");
        assertThat(refusal(() -> of("rss", "https://a.example", "PT10S", "UTC", null, null)
                                .validate())
                        .message(RU))
                .isEqualTo("не чаще одного запуска в минуту, а указано PT10S");
        assertThat(refusal(() -> of("rss", "https://a.example", "PT1H", "Mars/Olympus", null, null)
                                .validate())
                        .message(RU))
                .isEqualTo("неизвестный часовой пояс «Mars/Olympus» (например, Asia/Dushanbe или UTC)");
        assertThat(refusal(() -> of("html", "https://a.example", "PT1H", "UTC", null, "([a-z")
                        .validate()))
                .satisfies(e -> assertThat(e.field()).isEqualTo("includePattern"))
                .satisfies(e -> assertThat(e.message(RU))
                        .startsWith("недопустимое регулярное выражение: ")
                        .endsWith("(около позиции 4)"));
        assertThat(refusal(() -> of("rss", "https://a.example", "PT1H", "UTC", "russian", null)
                        .validate()))
                .satisfies(e -> assertThat(e.field()).isEqualTo("language"))
                .satisfies(
                        e -> assertThat(e.message(RU)).isEqualTo("«russian» — не код языка (например, en, ru или uz)"));
        assertThat(refusal(() -> new SourceDefinition(
                                        " ", "rss", "https://a.example", null, null, null, null, null, null, null)
                                .validate())
                        .message(Locale.forLanguageTag("ru-KZ")))
                .as("any Russian locale")
                .isEqualTo("обязательное поле");
    }

    @Test
    void theEnglishMessageKeepsTheFieldAndReadsTheSameInAnyOtherLanguage() {
        InvalidSourceException e = refusal(() -> of("rss", "https://a.example", "0 0 99 * * ?", "UTC", null, null)
                .validate());

        assertThat(e.getMessage()).isEqualTo("schedule: '0 0 99 * * ?': hours must be between 0 and 23, was 99");
        assertThat(e.message(Locale.ENGLISH)).isEqualTo("'0 0 99 * * ?': hours must be between 0 and 23, was 99");
        assertThat(e.message(Locale.GERMAN)).isEqualTo(e.message(Locale.ENGLISH));
        // a year is written as it was typed, not "2,199" or "2 199"
        assertThat(refusal(() -> of("rss", "https://a.example", "0 0 6 * * ? 2500", "UTC", null, null)
                                .validate())
                        .message(RU))
                .endsWith("должно быть от 1970 до 2199, а указано 2500");
    }

    private static SourceDefinition of(
            String type, String url, String schedule, String zone, String language, String include) {
        return new SourceDefinition("Name", type, url, schedule, zone, true, language, include, null, null);
    }

    private static InvalidSourceException refusal(Executable validation) {
        try {
            validation.execute();
        } catch (InvalidSourceException e) {
            return e;
        } catch (Throwable other) {
            throw new AssertionError("refused with " + other, other);
        }
        throw new AssertionError("accepted");
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
        try (InputStream in = SourceTextsTest.class.getResourceAsStream("/org/outpost/crawler/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
