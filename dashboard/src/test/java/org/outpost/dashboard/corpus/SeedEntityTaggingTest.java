package org.outpost.dashboard.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.dashboard.corpus.SeedPages.*;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.outpost.core.entity.Entity;
import org.outpost.core.entity.EntityTagger;
import org.outpost.core.entity.Gazetteer;
import org.outpost.core.entity.Mention;

/** The entity tagger with the bundled gazetteer against the five scraped pages of the seed corpus. */
class SeedEntityTaggingTest {

    private static final EntityTagger TAGGER = new EntityTagger(Gazetteer.defaults());

    @Test
    void interviewNamesTheMinisterTheBlocsAndTheBannedGroups() {
        assertThat(typed(INTERVIEW))
                .contains(
                        "country:Tajikistan",
                        "person:Ramazon Rahimzoda",
                        "org:Ministry of Internal Affairs",
                        "org:CIS",
                        "org:CSTO",
                        "org:SCO",
                        "org:Interpol",
                        "org:US State Department",
                        "country:Kyrgyzstan",
                        "country:Afghanistan",
                        "country:China",
                        "country:Russia",
                        "group:Al-Qaeda",
                        "group:Taliban",
                        "group:Islamic Movement of Uzbekistan",
                        "group:Hizb ut-Tahrir",
                        "group:Jamaat Ansarullah",
                        "group:Group 24",
                        "group:Tablighi Jamaat",
                        "person:Emomali Rahmon",
                        "org:Drug Control Agency");
        assertThat(matched(INTERVIEW, "country:Kyrgyzstan")).containsOnly("Kyrgyz Republic");
        assertThat(matched(INTERVIEW, "group:Jamaat Ansarullah")).containsOnly("Jamia Ansorullokh");
        assertThat(matched(INTERVIEW, "org:Drug Control Agency")).containsOnly("Agency for Control of Drugs");
        assertThat(matched(INTERVIEW, "group:Group 24")).containsOnly("Group-24");
    }

    @Test
    void interpolStoryNamesTheGroupsTheReturneesBelongedTo() {
        List<String> typed = typed(INTERPOL);

        assertThat(typed)
                .startsWith("country:Tajikistan", "org:Interpol")
                .contains(
                        "group:ISIL",
                        "group:Jamaat Ansarullah",
                        "group:Islamic Movement of Uzbekistan",
                        "person:Ramazon Rahimzoda",
                        "country:Syria",
                        "country:Iraq",
                        "country:Afghanistan",
                        "org:Ministry of Internal Affairs",
                        "org:Caravanserai",
                        "place:Dushanbe");
        // "Uzbekistan" is only ever part of the movement's name here
        assertThat(typed).doesNotContain("country:Uzbekistan");
        assertThat(matched(INTERPOL, "group:ISIL")).containsOnly("Islamic State of Iraq and the Levant", "ISIL");
        assertThat(matched(INTERPOL, "org:Ministry of Internal Affairs")).containsOnly("Interior Ministry", "MVD");
    }

    @Test
    void monitorFoldsRakhmonovIntoEmomaliRahmon() {
        assertThat(typed(MONITOR))
                .contains(
                        "person:Emomali Rahmon",
                        "org:Drug Control Agency",
                        "org:State Committee for National Security",
                        "country:Tajikistan",
                        "country:Russia",
                        "country:Azerbaijan",
                        "person:Ilham Aliyev",
                        "country:United States",
                        "person:Osama bin Laden",
                        "region:South Caucasus");
        assertThat(matched(MONITOR, "person:Emomali Rahmon")).containsOnly("Emomali Rakhmonov", "Rakhmonov");
        assertThat(matched(MONITOR, "org:Drug Control Agency")).containsOnly("Drug Control Agency", "DCA");
        assertThat(matched(MONITOR, "country:United States")).containsOnly("U.S.");
    }

    @Test
    void digestNamesTheConferenceTheBorderConflictAndTheCrackdown() {
        List<String> typed = typed(DIGEST);

        assertThat(typed)
                .contains(
                        "org:CSTO",
                        "region:Ferghana Valley",
                        "group:Group 24",
                        "region:Gorno-Badakhshan",
                        "person:António Guterres",
                        "person:Yusuf Rahmon",
                        "person:Emomali Rahmon",
                        "org:UN",
                        "org:UNOCT",
                        "org:OSCE",
                        "org:European Union",
                        "person:Helga Maria Schmid",
                        "person:Vladimir Voronkov",
                        "person:Sirojiddin Muhriddin",
                        "person:Xi Jinping",
                        "person:Vladimir Putin",
                        "person:Sadyr Japarov",
                        "org:RFE/RL",
                        "org:Border Guard Service",
                        "country:Kyrgyzstan",
                        "region:Xinjiang",
                        "place:Khujand");
        // Gorno-Badakhshan is one name, never the plain (ambiguous) Badakhshan
        assertThat(typed).doesNotContain("region:Badakhshan");
        assertThat(matched(DIGEST, "org:European Union")).containsOnly("European Union", "EU");
        assertThat(matched(DIGEST, "person:António Guterres")).containsOnly("António Guterres", "Antonio Guterres");
        assertThat(matched(DIGEST, "person:Yusuf Rahmon")).containsOnly("Yusuf Rahmon");
    }

    @Test
    void cariccNoteNamesTheCentreAndTheConferencePartners() {
        assertThat(typed(CARICC))
                .startsWith("org:CARICC")
                .contains(
                        "org:OSCE",
                        "org:European Union",
                        "org:UN",
                        "person:António Guterres",
                        "person:Emomali Rahmon",
                        "country:Tajikistan",
                        "place:Dushanbe",
                        "country:China",
                        "country:Uzbekistan",
                        "country:Kazakhstan",
                        "country:Qatar");
        assertThat(matched(CARICC, "org:European Union")).containsOnly("European Union");
    }

    @Test
    void acronymsInTheSeedsAreOnlyEverMatchedInCapitals() {
        for (String seed : ALL_SEEDS) {
            for (Mention mention : TAGGER.mentions(SeedPages.read(seed))) {
                String name = mention.entity().name();
                if (name.length() <= 6
                        && name.equals(name.toUpperCase(Locale.ROOT))
                        && mention.text().length() <= 6) {
                    assertThat(mention.text())
                            .as("%s in %s", mention.entity().typed(), seed)
                            .isEqualTo(mention.text().toUpperCase(Locale.ROOT));
                }
            }
        }
    }

    @Test
    void everyMentionPointsAtItsText() {
        for (String seed : ALL_SEEDS) {
            String text = SeedPages.read(seed);
            assertThat(TAGGER.mentions(text))
                    .as(seed)
                    .isNotEmpty()
                    .allSatisfy(
                            m -> assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text()));
        }
    }

    private List<String> typed(String seed) {
        return TAGGER.tag(SeedPages.read(seed)).stream().map(Entity::typed).toList();
    }

    /** The distinct texts that matched one entity in a seed. */
    private List<String> matched(String seed, String typed) {
        Map<String, List<String>> byEntity = TAGGER.mentions(SeedPages.read(seed)).stream()
                .collect(Collectors.groupingBy(
                        m -> m.entity().typed(), Collectors.mapping(Mention::text, Collectors.toList())));
        return byEntity.getOrDefault(typed, List.of()).stream().distinct().toList();
    }
}
