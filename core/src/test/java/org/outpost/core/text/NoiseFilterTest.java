package org.outpost.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoiseFilterTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Rate this item",
                "RATE THIS ARTICLE",
                "(0 votes)",
                "(12 votes)",
                "1 vote",
                "Rating: 4.5 / 5",
                "Share this article",
                "Advertisement",
                "Tajik militants are shown in Syria September 20. [Odnoklassniki photo obtained by Nadin Bahrom]",
                "Soldiers at a checkpoint. [Photo: Ministry of Defence]",
                "Photo: Reuters",
                "A checkpoint (Photo: AFP)",
                "Publication: Eurasia Daily Monitor Volume: 4 Issue: 55",
                "© Reuters",
                "Copyright 2020 Foo",
                "All rights reserved."
            })
    void recognisesChromeLines(String line) {
        assertThat(NoiseFilter.isNoiseLine(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Dozens of returnees gain amnesty",
                        "\"One of the performance indicators for [Tajik-Interpol] co-operation.\"",
                "He saw the photo of the event (see page 3)", "Rate hikes are expected this year.",
                "Publication of the report was delayed.", "Read more"
            })
    void leavesArticleTextAlone(String line) {
        assertThat(NoiseFilter.isNoiseLine(line)).isFalse();
    }

    @Test
    void dropsTheWholeBlockThatHoldsATicker() {
        List<Block> blocks = List.of(
                new Block(List.of(
                        "Sunday, Jun 23, 2024", "USD/EUR 0,92 ↑+0.0002 USD/JPY 151,69 ↑+0.174 USD/KRW 1.347,35")),
                new Block(List.of("Headline of the day")));

        assertThat(NoiseFilter.dropTickerBlocks(blocks)).containsExactly(new Block(List.of("Headline of the day")));
    }

    @Test
    void trimsLayoutTokensAtTheTopAndNavigationLabelsAtTheEnd() {
        List<Block> blocks = List.of(
                new Block(List.of("wrapper", "main_content")),
                new Block(List.of("Headline of the day")),
                new Block(List.of("Body text that ends the article.", "Media")),
                new Block(List.of("Latest news", "Contacts")));

        assertThat(NoiseFilter.trimPageEdges(blocks))
                .containsExactly(
                        new Block(List.of("Headline of the day")),
                        new Block(List.of("Body text that ends the article.")));
    }

    @Test
    void keepsANavigationLikeHeadingThatIsNotAtThePageEnd() {
        List<Block> blocks = List.of(new Block(List.of("Chilling Effect")), new Block(List.of("Courts said so.")));

        assertThat(NoiseFilter.trimPageEdges(blocks)).isEqualTo(blocks);
    }

    @Test
    void dropsNoiseLinesAndTheBlocksTheyEmpty() {
        List<Block> blocks = List.of(
                new Block(List.of("Rate this item", "(0 votes)")), new Block(List.of("Body text.", "© Reuters")));

        assertThat(NoiseFilter.dropNoiseLines(blocks)).containsExactly(new Block(List.of("Body text.")));
    }
}
