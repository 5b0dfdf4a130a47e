package org.outpost.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TitleFinderTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Tajikistan co-operates with Interpol to fight trans-national crime",
                "Dushanbe Host the Conference on “Border Security and Prevent the Movement of Terrorists»",
                "Is Central Asia ready for the Taliban?",
                "Experts warn: “The border is not safe.”"
            })
    void acceptsHeadlines(String line) {
        assertThat(TitleFinder.isTitleLike(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "The minister said the border is safe.",
                "In this context, the Director advocated the following:",
                "- capacity building in conducting anti-drug operations;",
                "Interview - February 2, 2015",
                "By Nadin Bahrom",
                "Rate this item",
                "Source: Asia-Plus",
                "Media",
                "12 345"
            })
    void rejectsLinesThatAreNoHeadlines(String line) {
        assertThat(TitleFinder.isTitleLike(line)).isFalse();
    }

    @Test
    void rejectsOverlongLines() {
        assertThat(TitleFinder.isTitleLike("Word ".repeat(60).strip())).isFalse();
    }

    @Test
    void derivesTheTitleFromTheFirstSentenceSkippingAbbreviations() {
        String paragraph =
                "Gen. R. Miralizoda met Mr. Voronkov of the U.S. delegation on Monday. They spoke at length.";

        assertThat(TitleFinder.fromFirstSentence(paragraph))
                .isEqualTo("Gen. R. Miralizoda met Mr. Voronkov of the U.S. delegation on Monday");
    }

    @Test
    void sentenceMayEndInsideAClosingQuote() {
        String paragraph = "Parliament passed the “Law on Combating Terrorism.” According to a deputy, it was due.";

        assertThat(TitleFinder.fromFirstSentence(paragraph))
                .isEqualTo("Parliament passed the “Law on Combating Terrorism.”");
    }

    @Test
    void cutsALongSentenceAtAWordBoundaryWithAnEllipsis() {
        String paragraph = "alpha ".repeat(30).strip() + ".";

        String title = TitleFinder.fromFirstSentence(paragraph);

        assertThat(title).isEqualTo("alpha ".repeat(19) + "alpha…").hasSize(TitleFinder.MAX_DERIVED_TITLE);
    }

    @Test
    void cutsAWordWithoutSpacesHard() {
        String title = TitleFinder.fromFirstSentence("x".repeat(500));

        assertThat(title).hasSize(TitleFinder.MAX_DERIVED_TITLE).endsWith("x…");
    }
}
