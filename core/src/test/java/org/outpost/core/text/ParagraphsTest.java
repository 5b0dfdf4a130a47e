package org.outpost.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParagraphsTest {

    @Test
    void joinsTheLinesOfABlockIntoOneParagraph() {
        List<Block> blocks = List.of(
                new Block(List.of("Officers found rifles", "hidden in a garage.")),
                new Block(List.of("They arrested two men.")));

        assertThat(Paragraphs.of(blocks))
                .containsExactly("Officers found rifles hidden in a garage.", "They arrested two men.");
    }

    @Test
    void startsANewParagraphForEachListItemOfABlock() {
        List<Block> blocks = List.of(new Block(
                List.of("The plan covers:", "• border patrols;", "- customs checks;", "2. information sharing.")));

        assertThat(Paragraphs.of(blocks))
                .containsExactly(
                        "The plan covers:", "• border patrols;", "- customs checks;", "2. information sharing.");
    }

    @Test
    void tellsProseFromHeadlinesAndMenus() {
        assertThat(Paragraphs.isProse("Officers found rifles and ammunition hidden in a garage on Monday."))
                .isTrue();
        assertThat(Paragraphs.isProse("“We will not fail,” he said of the army and its readiness to act.”"))
                .isTrue();
        assertThat(Paragraphs.isProse("word ".repeat(30))).isTrue();
        assertThat(Paragraphs.isProse("Kyrgyz border guards detain smugglers near Batken"))
                .isFalse();
        assertThat(Paragraphs.isProse("They arrested two men.")).isFalse();
    }

    @Test
    void storyNeedsAtLeastOneParagraphOfProse() {
        assertThat(Paragraphs.hasProse(List.of("Latest news", "Uzbek president visits Dushanbe")))
                .isFalse();
        assertThat(Paragraphs.hasProse(List.of(
                        "Latest news",
                        "The Uzbek president arrived in Dushanbe on Thursday for a two-day state visit.")))
                .isTrue();
    }
}
