package org.outpost.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextBlocksTest {

    @Test
    void splitsAtBlankLinesAndKeepsLinesOfABlockTogether() {
        List<Block> blocks = TextBlocks.split("Rate this item\n(0 votes)\n\n\n\nFirst paragraph.\n");

        assertThat(blocks)
                .containsExactly(
                        new Block(List.of("Rate this item", "(0 votes)")), new Block(List.of("First paragraph.")));
    }

    @Test
    void treatsLinesOfNoBreakSpacesAsBlank() {
        List<Block> blocks = TextBlocks.split("One.\n\u00A0\u00A0\u202F\nTwo.");

        assertThat(blocks).hasSize(2);
    }

    @Test
    void acceptsCrlfCrAndUnicodeLineSeparators() {
        List<Block> expected = List.of(new Block(List.of("a", "b")), new Block(List.of("c")));

        assertThat(TextBlocks.split("a\r\nb\r\n\r\nc")).isEqualTo(expected);
        assertThat(TextBlocks.split("a\rb\r\rc")).isEqualTo(expected);
        assertThat(TextBlocks.split("a\u2028b\u2028\u2028c")).isEqualTo(expected);
    }

    @Test
    void collapsesTabsAndUnicodeSpacesAndDropsInvisibleCharacters() {
        assertThat(TextBlocks.collapse("\t Tajik\u00A0\u00A0 border\u2009guards\u200B\uFEFF said  \t"))
                .isEqualTo("Tajik border guards said");
    }

    @Test
    void givesNoBlocksForNullEmptyOrBlankText() {
        assertThat(TextBlocks.split(null)).isEmpty();
        assertThat(TextBlocks.split("")).isEmpty();
        assertThat(TextBlocks.split("\n \u00A0\n\t\r\n")).isEmpty();
    }
}
