package org.outpost.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageGuessTest {

    @Test
    void russian() {
        assertThat(LanguageGuess.guess("Пограничники задержали нарушителя на границе с Афганистаном.")).isEqualTo("ru");
        assertThat(LanguageGuess.guess("В Бишкеке прошло заседание Совета безопасности, на котором обсуждалась ситуация "
                + "на границе.")).isEqualTo("ru");
    }

    @Test
    void kazakhByItsOwnLetters() {
        assertThat(LanguageGuess.guess("Қазақстан Республикасының Ұлттық қауіпсіздік комитеті шекарадағы жағдай тұрақты "
                + "екенін хабарлады. Бұл туралы ведомствоның баспасөз қызметі мәлімдеді.")).isEqualTo("kk");
    }

    @Test
    void kyrgyzHasNoKazakhOnlyLetters() {
        assertThat(LanguageGuess.guess("Кыргызстандын Улуттук коопсуздук мамлекеттик комитети чек арадагы абал туруктуу "
                + "экенин билдирди. Бул тууралуу ведомствонун басма сөз кызматы кабарлады.")).isEqualTo("ky");
    }

    @Test
    void tajikByItsOwnLetters() {
        assertThat(LanguageGuess.guess("Вазорати корҳои дохилии Ҷумҳурии Тоҷикистон хабар дод, ки вазъият дар марз "
                + "ором аст.")).isEqualTo("tg");
    }

    @Test
    void uzbekInCyrillicAndLatin() {
        assertThat(LanguageGuess.guess("Ўзбекистон Республикаси Ички ишлар вазирлиги чегарадаги вазият барқарор эканини "
                + "маълум қилди. Бу ҳақда вазирлик матбуот хизмати хабар берди.")).isEqualTo("uz");
        assertThat(LanguageGuess.guess("O‘zbekiston Respublikasi Ichki ishlar vazirligi chegaradagi vaziyat barqaror "
                + "ekanini ma’lum qildi. Bu haqda vazirlik matbuot xizmati xabar berdi.")).isEqualTo("uz");
    }

    @Test
    void latinScriptLanguages() {
        assertThat(LanguageGuess.guess("The border was closed for two days after the clashes in the valley.")).isEqualTo("en");
        assertThat(LanguageGuess.guess("La frontière a été fermée pendant deux jours après les affrontements dans la vallée."))
                .isEqualTo("fr");
        assertThat(LanguageGuess.guess("Die Grenze wurde nach den Zusammenstößen im Tal für zwei Tage geschlossen."))
                .isEqualTo("de");
    }

    @Test
    void saysNothingWhenUnsure() {
        assertThat(LanguageGuess.guess(null)).isNull();
        assertThat(LanguageGuess.guess("")).isNull();
        assertThat(LanguageGuess.guess("2024-03-12 14:30 +5 ... 1 204")).isNull();
        assertThat(LanguageGuess.guess("Ok")).isNull();
        assertThat(LanguageGuess.guess("xqzv lkjhw wpoe rtyuz bvcnm qwrtp zxcvb")).isNull();
        assertThat(LanguageGuess.guess("Ыфва пролд жэхъ щшгн укеп ямсчит")).isNull();
        // half Latin, half Cyrillic: no script is the text's own
        assertThat(LanguageGuess.guess("Border граница closed закрыта after после clashes")).isNull();
    }
}
