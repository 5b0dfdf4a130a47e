package org.outpost.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DigestSplitterTest {

    @Test
    void pageWithoutTerminatorsIsOneUnattributedStory() {
        List<Block> page =
                List.of(new Block(List.of("Headline")), new Block(List.of("Sub heading")), new Block(List.of("Body.")));

        assertThat(DigestSplitter.split(page)).containsExactly(new StorySegment(page, null));
    }

    @Test
    void splitsAtTerminatorLinesAndKeepsTheirPublisher() {
        List<Block> page = List.of(
                new Block(List.of("First headline")),
                new Block(List.of("First body.", "Source: Asia-Plus")),
                new Block(List.of("Second headline")),
                new Block(List.of("Second body.")),
                new Block(List.of("Copyright (c) 2015. RFE/RL, Inc.")),
                new Block(List.of("Trailing menu")));

        assertThat(DigestSplitter.split(page))
                .containsExactly(
                        new StorySegment(
                                List.of(new Block(List.of("First headline")), new Block(List.of("First body."))),
                                "Asia-Plus"),
                        new StorySegment(
                                List.of(new Block(List.of("Second headline")), new Block(List.of("Second body."))),
                                "RFE/RL"),
                        new StorySegment(List.of(new Block(List.of("Trailing menu"))), null));
    }

    @Test
    void terminatorRightAfterATerminatorClosesNoEmptyStory() {
        List<Block> page = List.of(
                new Block(List.of("Body.")),
                new Block(List.of("Source: Asia-Plus")),
                new Block(List.of("© 2022 Asia-Plus. All rights reserved.")));

        assertThat(DigestSplitter.split(page))
                .containsExactly(new StorySegment(List.of(new Block(List.of("Body."))), "Asia-Plus"));
    }
}
