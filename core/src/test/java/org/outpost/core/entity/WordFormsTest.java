package org.outpost.core.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The inflected forms generated for a name's words, and the suffixes taken off a text's words. */
class WordFormsTest {

    @Test
    void consonantFinalNamesTakeTheSingularCaseEndings() {
        assertThat(WordForms.russianForms("таджикистан"))
                .contains("таджикистана", "таджикистану", "таджикистаном", "таджикистане")
                .doesNotContain("таджикистан", "таджикистанов");
        assertThat(WordForms.russianForms("токаев")).contains("токаева", "токаеву", "токаевым", "токаеве");
    }

    @Test
    void namesInAOrYaAndNeuterNamesDecline() {
        assertThat(WordForms.russianForms("москва")).contains("москвы", "москве", "москву", "москвой");
        assertThat(WordForms.russianForms("киргизия")).contains("киргизии", "киргизию", "киргизией");
        assertThat(WordForms.russianForms("государство")).contains("государства", "государстве", "государством");
        assertThat(WordForms.russianForms("управление")).contains("управления", "управлением", "управлении");
        assertThat(WordForms.russianForms("закавказье")).contains("закавказья", "закавказье" + "м");
    }

    @Test
    void adjectivesDeclineInEveryGender() {
        assertThat(WordForms.russianForms("исламское")).contains("исламского", "исламском", "исламским");
        assertThat(WordForms.russianForms("центральная")).contains("центральной", "центральную");
    }

    @Test
    void pluralNamesDeclineInThePluralAndNameOneMember() {
        assertThat(WordForms.russianForms("талибы")).contains("талибов", "талибам", "талибами", "талиб", "талиба");
    }

    @Test
    void indeclinableAndShortWordsHaveNoForms() {
        assertThat(WordForms.russianForms("душанбе")).isEmpty();
        assertThat(WordForms.russianForms("алматы")).doesNotContain("алматы");
        assertThat(WordForms.russianForms("ош")).isEmpty();
        assertThat(WordForms.russianForms("dushanbe")).isEmpty();
    }

    @Test
    void aNameEndingInAConsonantHasARegularRelationalAdjective() {
        assertThat(WordForms.relationalAdjective("хорог")).isEqualTo("хорогский");
        assertThat(WordForms.relationalAdjective("пяндж")).isEqualTo("пянджский");
        assertThat(WordForms.relationalAdjective("бишкек")).isEqualTo("бишкекский");
        assertThat(WordForms.relationalAdjective("новосибирск")).isEqualTo("новосибирский");
        // irregular or too short: none
        assertThat(WordForms.relationalAdjective("душанбе")).isNull();
        assertThat(WordForms.relationalAdjective("москва")).isNull();
        assertThat(WordForms.relationalAdjective("ош")).isNull();
        assertThat(WordForms.relationalAdjective("khorog")).isNull();
    }

    @Test
    void nationalSuffixesComeOffWhenEnoughOfTheWordIsLeft() {
        assertThat(WordForms.withoutSuffix("кыргызстандын")).contains("кыргызстан");
        assertThat(WordForms.withoutSuffix("тоджикистонро")).contains("тоджикистон");
        assertThat(WordForms.withoutSuffix("ozbekistondagi")).contains("ozbekiston");
        assertThat(WordForms.withoutSuffix("ошто")).isEmpty();
        assertThat(WordForms.withoutSuffix("pakistani")).doesNotContain("pakistan");
        assertThat(WordForms.withoutSuffix("indiana")).doesNotContain("india");
    }

    @Test
    void anAcronymIsFoundBeforeAKnownEndingOnly() {
        assertThat(WordForms.acronymIn("ИГИЛа")).isEqualTo("ИГИЛ");
        assertThat(WordForms.acronymIn("ОДКБнын")).isEqualTo("ОДКБ");
        assertThat(WordForms.acronymIn("УКМКсынын")).isEqualTo("УКМК");
        assertThat(WordForms.acronymIn("ГКНБшник")).isNull();
        assertThat(WordForms.acronymIn("ОДКБ")).isNull();
        assertThat(WordForms.acronymIn("Таджикистан")).isNull();
    }
}
