package org.outpost.core.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled gazetteer on Russian, Tajik, Uzbek, Kyrgyz and Kazakh text: names in any grammatical case and with the
 * national languages' suffixes, in every script and transliteration, all folded to the same canonical entities.
 */
class EntityTaggerAcrossLanguagesTest {

    private static final EntityTagger TAGGER = new EntityTagger(Gazetteer.defaults());

    private static List<String> typed(String text) {
        return TAGGER.tag(text).stream().map(Entity::typed).toList();
    }

    @Test
    void russianNamesMatchInEveryCase() {
        for (String text : List.of("Таджикистан", "Таджикистана", "в Таджикистане", "с Таджикистаном", "ТАДЖИКИСТАН")) {
            assertThat(typed(text)).as(text).containsExactly("country:Tajikistan");
        }
        for (String text : List.of("Бишкек", "Бишкека", "в Бишкеке", "Бишкеку")) {
            assertThat(typed(text)).as(text).containsExactly("place:Bishkek");
        }
        assertThat(typed("в Душанбе")).containsExactly("place:Dushanbe");
        assertThat(typed("встреча с Рахмоном, визит Рахмона")).containsExactly("person:Emomali Rahmon");
        assertThat(typed("в Киргизии и в Москве")).containsExactly("country:Kyrgyzstan", "place:Moscow");
    }

    @Test
    void theIssuesExampleGetsItsEntities() {
        assertThat(typed("Пограничники Таджикистана задержали на границе с Афганистаном нарушителя с 40 кг героина."
                        + " В Душанбе прошло заседание ОДКБ."))
                .containsExactly("country:Tajikistan", "country:Afghanistan", "place:Dushanbe", "org:CSTO");
    }

    @Test
    void multiWordNamesDeclineWordByWord() {
        assertThat(typed("боевики «Исламского государства»")).containsExactly("group:ISIL");
        assertThat(typed("в «Исламском государстве»")).containsExactly("group:ISIL");
        assertThat(typed("в Центральной Азии")).containsExactly("region:Central Asia");
        assertThat(typed("Организации Договора о коллективной безопасности")).containsExactly("org:CSTO");
        assertThat(typed("Государственного комитета национальной безопасности"))
                .containsExactly("org:State Committee for National Security");
        assertThat(typed("сотрудники Управления ООН по наркотикам и преступности"))
                .containsExactly("org:UNODC");
    }

    @Test
    void acronymsMatchOnlyInCapitals() {
        assertThat(typed("ОДКБ, ШОС, СНГ, ОБСЕ, ООН, ЦАРИКЦ, ГКНБ, ФСБ, ИГИЛ"))
                .containsExactly(
                        "org:CSTO",
                        "org:SCO",
                        "org:CIS",
                        "org:OSCE",
                        "org:UN",
                        "org:CARICC",
                        "org:State Committee for National Security",
                        "org:FSB",
                        "group:ISIL");
        assertThat(typed("УНП ООН")).containsExactly("org:UNODC");
        assertThat(typed("по шоссе, на шоссе, ШОССЕ, шос, воз сена")).isEmpty();
    }

    @Test
    void anAcronymMayCarryACaseEndingOrSuffix() {
        assertThat(typed("боевики ИГИЛа, связи с ИГИЛом")).containsExactly("group:ISIL");
        assertThat(typed("ОДКБнын жыйыны")).containsExactly("org:CSTO");
        assertThat(typed("ИГИЛовцы")).containsExactly("group:ISIL");
        assertThat(typed("ГКНБшник")).isEmpty();
    }

    @Test
    void talibsAreTheTaliban() {
        for (String text : List.of("«Талибан»", "движения «Талибан»", "талибы", "талибов", "с талибами", "Талибы")) {
            assertThat(typed(text)).as(text).containsExactly("group:Taliban");
        }
    }

    @Test
    void shortNamesMatchOnlyAsWrittenOrListed() {
        assertThat(typed("в Оше и Ош")).containsExactly("place:Osh");
        assertThat(typed("ошибка, оше, ОШ")).isEmpty();
    }

    @Test
    void surnamesThatAreCommonWordsOrOtherPeopleDoNotMatch() {
        assertThat(typed("путина на Камчатке")).isEmpty();
        assertThat(typed("визит Путина, с Путиным")).containsExactly("person:Vladimir Putin");
        assertThat(typed("судья Рахмонов и его брат Рахмонова")).isEmpty();
        assertThat(typed("Эмомали Рахмонов")).containsExactly("person:Emomali Rahmon");
        assertThat(typed("Жапаров заявил")).isEmpty();
        assertThat(typed("Садыр Жапаров заявил, Садыра Жапарова")).containsExactly("person:Sadyr Japarov");
        assertThat(typed("исламское государство как идея")).isEmpty();
    }

    @Test
    void tajikNamesWithTheirLettersAndSuffixes() {
        assertThat(typed("Ҷумҳурии Тоҷикистон")).containsExactly("country:Tajikistan");
        assertThat(typed("Тоҷикистонро, Тоҷикистони соҳибистиқлол")).containsExactly("country:Tajikistan");
        assertThat(typed("Президенти кишвар Эмомалӣ Раҳмон")).containsExactly("person:Emomali Rahmon");
        assertThat(typed("дар шаҳри Хуҷанд")).containsExactly("place:Khujand");
        assertThat(typed("КДАМ ва ВКД"))
                .containsExactly("org:State Committee for National Security", "org:Ministry of Internal Affairs");
    }

    @Test
    void uzbekNamesInBothScripts() {
        assertThat(typed("Oʻzbekistonda, O'zbekistonning, Ўзбекистонда, Ozbekistondagi"))
                .containsExactly("country:Uzbekistan");
        assertThat(typed("Toshkentda, Тошкентга")).containsExactly("place:Tashkent");
        assertThat(typed("Shavkat Mirziyoyev, Мирзиёев, Мирзиёевым")).containsExactly("person:Shavkat Mirziyoyev");
    }

    @Test
    void kyrgyzAndKazakhNamesWithTheirSuffixes() {
        assertThat(typed("Кыргызстандын, Кыргызстанда, Кыргыз Республикасы")).containsExactly("country:Kyrgyzstan");
        assertThat(typed("Бишкекте, Бишкектен")).containsExactly("place:Bishkek");
        assertThat(typed("Қазақстанның, Қазақстанда, Қазақстандағы")).containsExactly("country:Kazakhstan");
        assertThat(typed("Астанада, Алматыда")).containsExactly("place:Astana", "place:Almaty");
        assertThat(typed("Тоқаев, Токаева")).containsExactly("person:Kassym-Jomart Tokayev");
        assertThat(typed("ҰҚК")).containsExactly("org:National Security Committee of Kazakhstan");
    }

    @Test
    void transliterationsFoldToOneEntity() {
        for (String text : List.of("Khujand", "Khodjent", "Худжанд", "Хуҷанд", "Ходжент", "Xoʻjand")) {
            assertThat(typed(text)).as(text).containsExactly("place:Khujand");
        }
        for (String text : List.of("Rahmon", "Rakhmon", "Рахмон", "Раҳмон")) {
            assertThat(typed(text)).as(text).containsExactly("person:Emomali Rahmon");
        }
        for (String text : List.of("Kyrgyzstan", "Kirgizia", "Кыргызстан", "Киргизия")) {
            assertThat(typed(text)).as(text).containsExactly("country:Kyrgyzstan");
        }
    }

    @Test
    void englishDemonymsAreStillNotCountries() {
        assertThat(typed("Pakistani and Israeli officials, an Indiana senator")).isEmpty();
    }

    @Test
    void displayNamesFollowTheReadersLanguageAndFallBackToTheCanonicalName() {
        Gazetteer gazetteer = Gazetteer.defaults();
        java.util.Locale russian = java.util.Locale.forLanguageTag("ru-RU");
        assertThat(gazetteer.displayName("place:Dushanbe", russian)).isEqualTo("Душанбе");
        assertThat(gazetteer.displayName("org:CSTO", russian)).isEqualTo("ОДКБ");
        assertThat(gazetteer.displayName("country:Tajikistan", java.util.Locale.forLanguageTag("tg")))
                .isEqualTo("Тоҷикистон");
        assertThat(gazetteer.displayName("org:CSTO", java.util.Locale.ENGLISH)).isEqualTo("CSTO");
        assertThat(gazetteer.displayName("org:Nobody We Know", russian)).isEqualTo("Nobody We Know");
    }

    @Test
    void nationalWordsThatLookLikeNamesDoNotTag() {
        // Uzbek "kecha-kunduz" is "day and night", "ozodlikdan mahrum" is "deprived of liberty", "osh" is the rice dish
        assertThat(typed("punkt kecha-kunduz ishlamoqda")).isEmpty();
        assertThat(typed("12 yilga ozodlikdan mahrum qildi, azattyk")).isEmpty();
        assertThat(typed("oshga guruch, oshda")).isEmpty();
        assertThat(typed("Kunduz, Ozodlik radiosi, Oshda")).containsExactly("region:Kunduz", "org:RFE/RL", "place:Osh");
    }

    @Test
    void aCountrysBorderServiceInGeneralIsNoEntity() {
        assertThat(typed("Пограничная служба Кыргызстана сообщила")).containsExactly("country:Kyrgyzstan");
        assertThat(typed("Государственная пограничная служба")).containsExactly("org:Border Guard Service");
    }

    @Test
    void kyrgyzAndKazakhSuffixesAfterAcronymsAndTheInstrumental() {
        assertThat(typed("УКМКсынын төрагасы")).containsExactly("org:State Committee for National Security");
        assertThat(typed("БУУнун, ЖККУнун")).containsExactly("org:UN", "org:CSTO");
        assertThat(typed("Қырғызстанмен шекарада")).containsExactly("country:Kyrgyzstan");
        assertThat(typed("Ресей ФҚҚ-сы Мәскеуде")).containsExactly("country:Russia", "org:FSB", "place:Moscow");
    }

    @Test
    void theRepublicsAbbreviationsNameTheirCountries() {
        assertThat(typed("МВД РК, ГКНБ КР, ГКНБ РТ, СГБ РУз"))
                .containsExactly(
                        "org:Ministry of Internal Affairs",
                        "country:Kazakhstan",
                        "org:State Committee for National Security",
                        "country:Kyrgyzstan",
                        "country:Tajikistan",
                        "org:State Security Service of Uzbekistan",
                        "country:Uzbekistan");
        assertThat(typed("рк, кр, рт")).isEmpty();
    }

    @Test
    void aPlacesAdjectiveNamesThePlaceInAnyFormAndCase() {
        assertThat(typed("на участке Пянджского пограничного отряда")).containsExactly("place:Panj");
        assertThat(typed("хорогские власти и жители Ворухского джамоата"))
                .containsExactly("place:Khorog", "place:Vorukh");
        assertThat(typed("в Бишкекском городском суде")).containsExactly("place:Bishkek");
        // a listed name still wins where it is longer
        assertThat(TAGGER.mentions("в Пянджском районе"))
                .singleElement()
                .satisfies(m -> assertThat(m.text()).isEqualTo("Пянджском районе"));
    }

    @Test
    void aCountrysAdjectiveIsNoCountry() {
        // "таджикский" names a people and a language as often as the state, like the English demonyms
        assertThat(typed("таджикские и кыргызские пограничники, таджикистанская сторона"))
                .isEmpty();
    }

    @Test
    void theLongestNameWinsAcrossADash() {
        assertThat(typed("«Исламское государство – Вилаят Хорасан»"))
                .containsExactly("group:Islamic State Khorasan Province");
        assertThat(typed("«Давлати исломӣ – вилояти Хуросон»"))
                .containsExactly("group:Islamic State Khorasan Province");
        assertThat(typed("УНП ООН")).containsExactly("org:UNODC");
    }
}
