package org.outpost.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ReaderTextsTest {

    private static final ReaderTexts RU = ReaderTexts.of(Locale.forLanguageTag("ru-KG"));
    private static final ReaderTexts EN = ReaderTexts.of(Locale.ENGLISH);

    @Test
    void russianCountsTakeTheOneFewOrManyForm() {
        assertThat(RU.count("report.articles", 1)).isEqualTo("статья");
        assertThat(RU.count("report.subject", 1, "Сводка", "день", "1 марта"))
                .isEqualTo("Сводка: 1 статья за день по 1 марта");
        assertThat(RU.count("report.subject", 3, "Сводка", "день", "1 марта"))
                .isEqualTo("Сводка: 3 статьи за день по 1 марта");
        assertThat(RU.count("report.subject", 5, "Сводка", "день", "1 марта"))
                .isEqualTo("Сводка: 5 статей за день по 1 марта");
        for (long n : new long[] {0, 5, 11, 12, 14, 19, 100, 111}) {
            assertThat(RU.count("report.articles", n)).as("%d", n).isEqualTo("статей");
        }
        for (long n : new long[] {2, 4, 22, 34, 102}) {
            assertThat(RU.count("report.articles", n)).as("%d", n).isEqualTo("статьи");
        }
        for (long n : new long[] {1, 21, 101}) {
            assertThat(RU.count("report.articles", n)).as("%d", n).isEqualTo("статья");
        }
        assertThat(EN.count("report.articles", 1)).isEqualTo("article");
        assertThat(EN.count("report.articles", 0)).isEqualTo("articles");
        assertThat(EN.count("report.articles", 21)).isEqualTo("articles");
    }

    @Test
    void datesAndNumbersAreWrittenTheReadersWay() {
        Instant at = Instant.parse("2026-11-16T03:05:00Z");
        ZoneId dushanbe = ZoneId.of("Asia/Dushanbe");
        assertThat(RU.dateTime(at, dushanbe)).isEqualTo("16 ноября 2026, 08:05");
        assertThat(RU.date(at, dushanbe)).isEqualTo("16 ноября 2026");
        assertThat(EN.dateTime(at, dushanbe)).isEqualTo("16 Nov 2026 08:05");
        assertThat(RU.decimal(2.14)).isEqualTo("2,1");
        assertThat(EN.decimal(2.14)).isEqualTo("2.1");
        assertThat(RU.get("report.number", 12345L)).isEqualTo("12\u00a0345");
        assertThat(EN.get("report.number", 12345L)).isEqualTo("12,345");
    }

    @Test
    void anyLanguageButRussianReadsEnglish() {
        assertThat(ReaderTexts.of(Locale.GERMAN).get("report.topics")).isEqualTo("Articles per topic");
        assertThat(ReaderTexts.of(Locale.forLanguageTag("tg")).locale()).isEqualTo(Locale.ENGLISH);
        assertThat(ReaderTexts.of(null).get("report.topics")).isEqualTo("Articles per topic");
        assertThat(RU.get("report.topics")).isEqualTo("Статьи по темам");
        assertThat(RU.find("topic.no_such_topic")).isNull();
    }

    @Test
    void everyEnglishTextHasARussianOneAndNoRussianTextIsLeftOver() throws Exception {
        Properties en = load("messages.properties");
        Properties ru = load("messages_ru.properties");
        for (String key : en.stringPropertyNames()) {
            boolean pluralKey = key.endsWith(".one") || key.endsWith(".other");
            String base = pluralKey ? key.substring(0, key.lastIndexOf('.')) : key;
            if (key.equals("mail.subjectPrefix")) {
                continue; // the product's name is the same in both
            }
            if (pluralKey) {
                assertThat(ru.stringPropertyNames()).as(key).contains(base + ".one", base + ".few", base + ".many");
            } else {
                assertThat(ru.stringPropertyNames()).as(key).contains(key);
            }
        }
        for (String key : ru.stringPropertyNames()) {
            String base = key.replaceAll("\\.(one|few|many)$", "");
            boolean known = en.containsKey(key)
                    || en.containsKey(base + ".other")
                    || key.startsWith("topic.")
                    || key.startsWith("entity.type.");
            assertThat(known).as("%s has no English text", key).isTrue();
        }
    }

    private static Properties load(String file) throws Exception {
        Properties p = new Properties();
        try (var in = ReaderTexts.class.getResourceAsStream(file)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
