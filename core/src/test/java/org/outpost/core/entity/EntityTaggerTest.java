package org.outpost.core.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The tagger with the bundled gazetteer: what it matches, how it folds names, and the offsets it reports. */
class EntityTaggerTest {

    private static final EntityTagger TAGGER = new EntityTagger(Gazetteer.defaults());

    private static List<String> typed(String text) {
        return TAGGER.tag(text).stream().map(Entity::typed).toList();
    }

    private static List<String> matchedTexts(String text) {
        return TAGGER.mentions(text).stream().map(Mention::text).toList();
    }

    @Test
    void foldsAliasesToCanonicalNames() {
        assertThat(typed("President Rakhmonov spoke.")).containsExactly("person:Emomali Rahmon");
        assertThat(typed("Emomali Rakhmonov and later Emomali Rahmon")).containsExactly("person:Emomali Rahmon");
        assertThat(typed("ISIS, Daesh and the Islamic State are one group; so is ISIL."))
                .containsExactly("group:ISIL");
        assertThat(typed("Kirghizia, the Kyrgyz Republic, Kyrgyzstan")).containsExactly("country:Kyrgyzstan");
        assertThat(typed("Daesh-Khorasan, ISKP and ISIS-K")).containsExactly("group:Islamic State Khorasan Province");
        assertThat(typed("the Collective Security Treaty Organization (CSTO)")).containsExactly("org:CSTO");
        assertThat(typed("the Agency on Drug Control")).containsExactly("org:Drug Control Agency");
    }

    @Test
    void longestMatchWinsAndMentionsDoNotOverlap() {
        List<Mention> mentions = TAGGER.mentions("members of the Islamic State of Iraq and the Levant (ISIL) left");
        assertThat(mentions).extracting(Mention::text).containsExactly("Islamic State of Iraq and the Levant", "ISIL");
        assertThat(mentions).extracting(m -> m.entity().typed()).containsOnly("group:ISIL");

        assertThat(typed("Prosecutor General Yusuf Rahmon said")).containsExactly("person:Yusuf Rahmon");
        assertThat(typed("according to Rahmon")).containsExactly("person:Emomali Rahmon");
        assertThat(typed("the Islamic Movement of Uzbekistan")).containsExactly("group:Islamic Movement of Uzbekistan");
        assertThat(typed("the United Nations Office of Counter-Terrorism")).containsExactly("org:UNOCT");
        assertThat(typed("militants of Islamic State Khorasan Province"))
                .containsExactly("group:Islamic State Khorasan Province");
    }

    @Test
    void aLongerCandidateThatBreaksOffFallsBackToTheLongestCompleteName() {
        // "Islamic State of Iraq and ..." starts the long alias but does not finish it: "Islamic State" still counts
        List<Mention> mentions = TAGGER.mentions("Islamic State of Iraq and Syria's rivals; Islamic State of mind");
        assertThat(mentions)
                .extracting(Mention::text)
                .containsExactly("Islamic State of Iraq and Syria", "Islamic State");
    }

    @Test
    void shortAcronymsMatchOnlyInCapitals() {
        assertThat(typed("the UN said")).containsExactly("org:UN");
        assertThat(typed("U.N. envoys")).containsExactly("org:UN");
        assertThat(typed("unarmed men, an unusual Cisco router, the cis-trans isomer, Un dia"))
                .isEmpty();
        assertThat(typed("the eu and the Eu")).isEmpty();
        assertThat(typed("the EU and the CIS")).containsExactly("org:European Union", "org:CIS");
        assertThat(typed("an osce report, Csto troops, imu fighters")).isEmpty();
        assertThat(typed("OSCE, CSTO, IMU, DCA, GKNB, IRPT, HTS"))
                .containsExactly(
                        "org:OSCE",
                        "org:CSTO",
                        "group:Islamic Movement of Uzbekistan",
                        "org:Drug Control Agency",
                        "org:State Committee for National Security",
                        "group:Islamic Renaissance Party of Tajikistan",
                        "group:Hayat Tahrir al-Sham");
    }

    @Test
    void longerWordsMatchInAnyCase() {
        assertThat(typed("TAJIKISTAN CLOSES BORDER")).containsExactly("country:Tajikistan");
        assertThat(typed("dushanbe and KHUJAND")).containsExactly("place:Dushanbe", "place:Khujand");
    }

    @Test
    void capitalizedEntriesNeedCapitals() {
        assertThat(typed("they dream of an Islamic state")).isEmpty();
        assertThat(typed("a roast turkey and a china plate")).isEmpty();
        assertThat(typed("Turkey and China; TURKEY")).containsExactly("country:Turkey", "country:China");
        assertThat(typed("a group 24 hours old")).isEmpty();
        assertThat(typed("the banned Group 24")).containsExactly("group:Group 24");
    }

    @Test
    void shortCapitalisedNamesMatchOnlyAsWritten() {
        assertThat(typed("clashes in Osh")).containsExactly("place:Osh");
        assertThat(typed("a plate of osh; OSH rules")).isEmpty();
        assertThat(typed("Xi met Putin")).containsExactly("person:Xi Jinping", "person:Vladimir Putin");
        assertThat(typed("Chapter XI, a flight to Xi'an")).isEmpty();
    }

    @Test
    void wordLikeAcronymsAreSkippedInShoutedText() {
        assertThat(typed("the US embassy")).containsExactly("country:United States");
        assertThat(typed("the U.S.-led coalition")).containsExactly("country:United States");
        assertThat(typed("PLEASE LET US KNOW")).isEmpty();
        assertThat(typed("tell us more")).isEmpty();
    }

    @Test
    void diacriticsAreFolded() {
        assertThat(typed("António Guterres")).containsExactly("person:António Guterres");
        assertThat(typed("Antonio Guterres")).containsExactly("person:António Guterres");
        assertThat(typed("Türkiye and Turkiye")).containsExactly("country:Turkey");
        assertThat(typed("Erdoğan")).containsExactly("person:Recep Tayyip Erdoğan");
        // a decomposed "ó" (o + combining acute) folds the same way
        assertThat(typed("Anto\u0301nio Guterres")).containsExactly("person:António Guterres");
    }

    @Test
    void diacriticsFoldBothWaysWithoutAnAliasForEachSpelling() {
        EntityTagger tagger = new EntityTagger(Gazetteer.fromYaml("""
                entities:
                  - {type: person, name: Recep Erdogan}
                  - {type: place, name: Düsseldorf}
                  - {type: place, name: Istanbul}
                  - {type: person, name: Łukasz Straße}
                """, "test.yml"));

        assertThat(tagger.tag("Recep Erdoğan, RECEP ERDOĞAN"))
                .extracting(Entity::typed)
                .containsExactly("person:Recep Erdogan");
        assertThat(tagger.tag("Dusseldorf")).extracting(Entity::typed).containsExactly("place:Düsseldorf");
        assertThat(tagger.tag("İstanbul")).extracting(Entity::typed).containsExactly("place:Istanbul");
        assertThat(tagger.tag("Lukasz Strasse")).extracting(Entity::typed).containsExactly("person:Łukasz Straße");
    }

    @Test
    void typographicApostrophesAndDashesAreNormalised() {
        assertThat(typed("al-Qa\u2019ida and Al\u2011Qaeda")).containsExactly("group:Al-Qaeda");
        assertThat(typed("the Fargʻona valley")).containsExactly("region:Ferghana Valley");
        assertThat(typed("Gorno\u2013Badakhshan")).containsExactly("region:Gorno-Badakhshan");
    }

    @Test
    void possessivesStillMatchAndAreLeftOutOfTheMention() {
        List<Mention> straight = TAGGER.mentions("Tajikistan's border");
        List<Mention> curly = TAGGER.mentions("Tajikistan\u2019s border");
        assertThat(straight).singleElement().satisfies(m -> {
            assertThat(m.entity().typed()).isEqualTo("country:Tajikistan");
            assertThat(m.text()).isEqualTo("Tajikistan");
        });
        assertThat(curly).extracting(Mention::text).containsExactly("Tajikistan");
        assertThat(typed("the Taliban's leaders and the Tajiks' rivals in the CSTO's ranks"))
                .containsExactly("group:Taliban", "org:CSTO");
        assertThat(typed("the People's Republic of China")).containsExactly("country:China");
    }

    @Test
    void hyphenatedNamesMatchWithOrWithoutTheHyphen() {
        assertThat(typed("Gorno-Badakhshan and Gorno Badakhshan")).containsExactly("region:Gorno-Badakhshan");
        assertThat(matchedTexts("Gorno-Badakhshan")).containsExactly("Gorno-Badakhshan");
        assertThat(typed("Al-Qaeda, al Qaeda")).containsExactly("group:Al-Qaeda");
        assertThat(typed("Mazar-i-Sharif")).containsExactly("place:Mazar-i-Sharif");
        assertThat(typed("the Tajik-Afghan border")).isEmpty();
        assertThat(typed("the Kyrgyz-Tajik border with Russia-led troops")).containsExactly("country:Russia");
        assertThat(typed("banned Group-24")).containsExactly("group:Group 24");
    }

    @Test
    void plainBadakhshanIsTheRegionNotGornoBadakhshan() {
        assertThat(typed("Badakhshan")).containsExactly("region:Badakhshan");
        assertThat(typed("GBAO")).containsExactly("region:Gorno-Badakhshan");
        assertThat(typed("Gorno-Badakhshan Autonomous Region")).containsExactly("region:Gorno-Badakhshan");
    }

    @Test
    void namesDoNotRunAcrossPunctuationOrParagraphs() {
        assertThat(typed("the Islamic. State")).isEmpty();
        assertThat(typed("Yusuf, Rahmon")).containsExactly("person:Emomali Rahmon");
        assertThat(typed("Ferghana\n\nValley")).containsExactly("region:Ferghana Valley");
        assertThat(matchedTexts("Ferghana\n\nValley")).containsExactly("Ferghana");
        assertThat(matchedTexts("the Ferghana\nValley")).containsExactly("Ferghana\nValley");
    }

    @Test
    void entitiesAreDistinctAndInOrderOfFirstMention() {
        assertThat(typed("Dushanbe, the CSTO, Dushanbe again, Rakhmonov, the CSTO and Rahmon"))
                .containsExactly("place:Dushanbe", "org:CSTO", "person:Emomali Rahmon");
    }

    @Test
    void mentionOffsetsPointAtTheMatchedText() {
        String text = "On Tuesday the U.S. and Tajikistan\u2019s GKNB met Helga Maria Schmidt in Vienna.";
        List<Mention> mentions = TAGGER.mentions(text);
        assertThat(mentions)
                .extracting(Mention::text)
                .containsExactly("U.S.", "Tajikistan", "GKNB", "Helga Maria Schmidt", "Vienna");
        assertThat(mentions)
                .allSatisfy(m -> assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text()));
        assertThat(mentions.get(0).start()).isEqualTo(text.indexOf("U.S."));
        assertThat(mentions.get(3).entity().typed()).isEqualTo("person:Helga Maria Schmid");
    }

    @Test
    void offsetsStayRightAfterCharactersOutsideTheBasicPlane() {
        String text = "\uD83D\uDEA8 Breaking: \uD835\uDC00 ISIL claims an attack near Khorog";
        assertThat(TAGGER.mentions(text)).extracting(Mention::text).containsExactly("ISIL", "Khorog");
        assertThat(TAGGER.mentions(text))
                .allSatisfy(m -> assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text()));
    }

    @Test
    void anAliasUnderTwoTypesReportsBoth() {
        List<Mention> mentions = TAGGER.mentions("envoys of the Islamic Emirate of Afghanistan");
        assertThat(mentions)
                .extracting(m -> m.entity().typed())
                .containsExactly("country:Afghanistan", "group:Taliban");
        assertThat(mentions).extracting(Mention::start).containsOnly(14);
    }

    @Test
    void emptyAndBlankTextsHaveNoEntities() {
        assertThat(TAGGER.tag("")).isEmpty();
        assertThat(TAGGER.mentions(" \n\t ")).isEmpty();
        assertThat(TAGGER.tag("-- ... ''' 2024 --")).isEmpty();
    }

    @Test
    void typedNamesJoinTheTypeKeyAndTheName() {
        assertThat(new Entity(EntityType.ORG, "CSTO").typed()).isEqualTo("org:CSTO");
        assertThat(EntityType.ofKey(" Country ")).isEqualTo(EntityType.COUNTRY);
        assertThat(EntityType.PERSON.key()).isEqualTo("person");
    }
}
