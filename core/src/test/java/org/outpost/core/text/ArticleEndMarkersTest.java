package org.outpost.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleEndMarkersTest {

    private static final String PROSE = "The conference adopted a declaration on border security and management.";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Read 160 times", "Viewed 1,204 times", "Views: 87", "Hits 5", "Do you like this article?",
                "Did you enjoy this story?", "0 Comment(s)", "12 comments", "Comments (3)", "No comments yet",
                "Leave a comment", "Comment Policy * Denotes Required Field 1500 / 1500"
            })
    void recognisesEndOfArticleWidgets(String line) {
        assertThat(ArticleEndMarkers.isEndMarker(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Read more",
                "Read the full report",
                "Comments from officials were not available.",
                "Do you like this article's conclusions, minister? he was asked, and he said he did not."
            })
    void leavesOrdinaryLinesAlone(String line) {
        assertThat(ArticleEndMarkers.isEndMarker(line)).isFalse();
    }

    @Test
    void cutsEverythingAfterTheFirstMarker() {
        List<Block> blocks = List.of(
                new Block(List.of(PROSE)),
                new Block(List.of("Do you like this article?")),
                new Block(List.of("A comment by a reader that is long enough to look like article prose.")));

        assertThat(ArticleEndMarkers.truncate(blocks)).containsExactly(new Block(List.of(PROSE)));
    }

    @Test
    void cutsInsideABlock() {
        List<Block> blocks = List.of(new Block(List.of(PROSE, "Read 160 times", "Media")));

        assertThat(ArticleEndMarkers.truncate(blocks)).containsExactly(new Block(List.of(PROSE)));
    }

    @Test
    void onlyDropsAMarkerThatComesBeforeAnyProse() {
        List<Block> blocks = List.of(new Block(List.of("Headline", "Read 160 times")), new Block(List.of(PROSE)));

        assertThat(ArticleEndMarkers.truncate(blocks))
                .containsExactly(new Block(List.of("Headline")), new Block(List.of(PROSE)));
    }
}
