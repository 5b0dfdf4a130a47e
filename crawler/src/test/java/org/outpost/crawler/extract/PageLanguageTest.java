package org.outpost.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class PageLanguageTest {

    private static final String RUSSIAN = "В Бишкеке прошло заседание Совета безопасности, на котором обсуждалась "
            + "ситуация на границе и меры по борьбе с незаконным оборотом наркотиков. Участники отметили рост изъятий.";
    private static final String KAZAKH = "Қазақстан Республикасының Ұлттық қауіпсіздік комитеті шекарадағы жағдай "
            + "тұрақты екенін хабарлады. Шекарашылар бір тәулікте үш адамды ұстады.";
    private static final String KYRGYZ = "Кыргызстандын Улуттук коопсуздук мамлекеттик комитети чек арадагы абал "
            + "туруктуу экенин билдирди. Чек арачылар бир суткада үч адамды кармашты.";
    private static final String TAJIK = "Вазорати корҳои дохилии Ҷумҳурии Тоҷикистон хабар дод, ки вазъият дар марз "
            + "ором аст ва марзбонон дар як шабонарӯз се нафарро боздошт карданд.";
    private static final String UZBEK_CYRILLIC = "Ўзбекистон Республикаси Ички ишлар вазирлиги чегарадаги вазият "
            + "барқарор эканини маълум қилди. Чегарачилар бир кунда уч кишини ушлади.";
    private static final String UZBEK_LATIN = "O‘zbekiston Respublikasi Ichki ishlar vazirligi chegaradagi vaziyat "
            + "barqaror ekanini ma’lum qildi. Chegarachilar bir kunda uch kishini ushladi.";
    private static final String FRENCH = "La frontière a été fermée pendant deux jours après les affrontements dans "
            + "la vallée, selon les autorités locales.";

    @Test
    void undeclaredPagesGetTheLanguageOfTheirText() {
        assertThat(PageLanguage.of(page(""), RUSSIAN)).isEqualTo("ru");
        assertThat(PageLanguage.of(page(""), KAZAKH)).isEqualTo("kk");
        assertThat(PageLanguage.of(page(""), KYRGYZ)).isEqualTo("ky");
        assertThat(PageLanguage.of(page(""), TAJIK)).isEqualTo("tg");
        assertThat(PageLanguage.of(page(""), UZBEK_CYRILLIC)).isEqualTo("uz");
        assertThat(PageLanguage.of(page(""), UZBEK_LATIN)).isEqualTo("uz");
    }

    @Test
    void languagesOutsideOutpostsSetAreOther() {
        assertThat(PageLanguage.of(page(""), FRENCH)).isEqualTo("other");
        assertThat(PageLanguage.of(page(" lang=\"de-DE\""), "Kurz.")).isEqualTo("other");
    }

    @Test
    void theTextOverrulesADeclarationItContradicts() {
        assertThat(PageLanguage.of(page(" lang=\"en\""), RUSSIAN)).isEqualTo("ru");
        assertThat(PageLanguage.of(page(" lang=\"ru-RU\""), KYRGYZ)).isEqualTo("ky");
    }

    @Test
    void everyUsualWayOfDeclaringCounts() {
        assertThat(PageLanguage.of(page(" lang=\"kk-KZ\""), "")).isEqualTo("kk");
        assertThat(PageLanguage.of(
                        Jsoup.parse("<html><head><meta property=\"og:locale\" content=\"ru_RU\"></head>"
                                + "<body></body></html>"),
                        ""))
                .isEqualTo("ru");
        assertThat(PageLanguage.of(
                        Jsoup.parse("<html><head><meta http-equiv=\"content-language\" content=\"tgk\">"
                                + "</head><body></body></html>"),
                        "12:30"))
                .isEqualTo("tg");
    }

    @Test
    void nothingDeclaredAndNothingToReadLeavesItToTheSource() {
        assertThat(PageLanguage.of(page(""), "")).isNull();
        assertThat(PageLanguage.of(page(" lang=\"x-default\""), "2024-03-12 14:30 +5 ... 1 204"))
                .isNull();
        assertThat(PageLanguage.of(page(""), "Border граница closed закрыта after после clashes"))
                .isNull();
    }

    @Test
    void primarySubtagReducesTagsToTwoLetters() {
        assertThat(PageLanguage.primarySubtag("ru-RU")).isEqualTo("ru");
        assertThat(PageLanguage.primarySubtag("RU")).isEqualTo("ru");
        assertThat(PageLanguage.primarySubtag("rus")).isEqualTo("ru");
        assertThat(PageLanguage.primarySubtag("x-default")).isNull();
        assertThat(PageLanguage.primarySubtag("*")).isNull();
    }

    private static Document page(String htmlAttributes) {
        return Jsoup.parse("<html" + htmlAttributes + "><head></head><body></body></html>");
    }
}
