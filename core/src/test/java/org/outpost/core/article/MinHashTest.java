package org.outpost.core.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MinHashTest {

    private static final String STORY = """
            Border guards of Tajikistan detained three men who tried to carry forty kilograms of heroin across
            the Panj river from Afghanistan on Tuesday night, the State Committee for National Security said.
            The detainees, residents of the Shamsiddin Shohin district, were armed and opened fire before they
            were stopped near the village of Mehvar. An investigation has been opened under the article on drug
            trafficking by an organised group, and the seized drugs were sent for examination in Dushanbe.
            Officials say seizures along this stretch of the border have doubled since the spring.""";

    @Test
    void aReprintWithAnotherFooterIsNear() {
        String original = MinHash.of(STORY);
        String reprint =
                MinHash.of("DUSHANBE, March 3 (Agency). " + STORY + " Follow our agency on Telegram for more news.");
        assertThat(original).isNotNull();
        assertThat(MinHash.similarity(original, reprint)).isGreaterThanOrEqualTo(MinHash.NEAR);
        assertThat(MinHash.near(original, reprint)).isTrue();
        // near signatures share a band, which is what the index lookup relies on
        assertThat(MinHash.bands(original)).hasSize(MinHash.BANDS).containsAnyElementsOf(MinHash.bands(reprint));
    }

    @Test
    void aDifferentStoryIsFar() {
        String other = """
                The Collective Security Treaty Organization opened its annual command and staff exercise in the
                Khatlon region, with units from Kazakhstan, Kyrgyzstan, Russia and Tajikistan practising the defence
                of the southern frontier against armed groups. The drills will last five days and involve aviation,
                armour and special forces, the organisation's secretariat said in a statement issued in Moscow,
                adding that observers from Uzbekistan had been invited for the first time since the exercises began.""";
        assertThat(MinHash.similarity(MinHash.of(STORY), MinHash.of(other))).isLessThan(0.2);
        assertThat(MinHash.bands(MinHash.of(STORY))).doesNotContainAnyElementsOf(MinHash.bands(MinHash.of(other)));
    }

    @Test
    void aRewrittenHalfIsNotTheSameStory() {
        String[] sentences = STORY.split("\\. ");
        String half = String.join(". ", java.util.Arrays.copyOf(sentences, 2))
                + ". Police in Khujand separately arrested a cell recruiting fighters for groups in Syria and"
                + " seized leaflets, phones and a list of contacts abroad, according to the interior ministry.";
        assertThat(MinHash.near(MinHash.of(STORY), MinHash.of(half))).isFalse();
    }

    @Test
    void shortTextsAreNotFingerprinted() {
        assertThat(MinHash.of("Border closed today.")).isNull();
        assertThat(MinHash.bands(null)).isEmpty();
        assertThat(MinHash.near(null, null)).isFalse();
    }

    @Test
    void caseAndPunctuationDoNotMatter() {
        assertThat(MinHash.of(STORY.toUpperCase().replace(",", ""))).isEqualTo(MinHash.of(STORY));
    }
}
