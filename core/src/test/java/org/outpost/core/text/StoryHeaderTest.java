package org.outpost.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryHeaderTest {

    private static final String PROSE = "The conference adopted a declaration on border security and management.";

    @Test
    void readsDatelineAboveTheHeadline() {
        StoryHeader header = StoryHeader.read(List.of(
                new Block(List.of("Thursday, 20 October 2022 09:23")),
                new Block(List.of("About the conference in Dushanbe")),
                new Block(List.of(PROSE))));

        assertThat(header.title()).isEqualTo("About the conference in Dushanbe");
        assertThat(header.publishedOn()).isEqualTo(LocalDate.of(2022, 10, 20));
        assertThat(header.rest()).containsExactly(new Block(List.of(PROSE)));
    }

    @Test
    void readsDatelineAndBylineBelowTheHeadlineEvenWithinOneBlock() {
        StoryHeader header = StoryHeader.read(List.of(
                new Block(List.of(
                        "Interview",
                        "International cooperation against crime",
                        "By Jane Doe",
                        "Interview - February 2, 2015")),
                new Block(List.of(PROSE))));

        assertThat(header.title()).isEqualTo("International cooperation against crime");
        assertThat(header.author()).isEqualTo("Jane Doe");
        assertThat(header.publishedOn()).isEqualTo(LocalDate.of(2015, 2, 2));
        assertThat(header.rest()).containsExactly(new Block(List.of(PROSE)));
    }

    @Test
    void stopsAtTheFirstParagraphSoLaterHeadingsAndDatesStayInTheBody() {
        List<Block> blocks = List.of(
                new Block(List.of(PROSE)), new Block(List.of("A subheading")), new Block(List.of("20.10.2022")));

        StoryHeader header = StoryHeader.read(blocks);

        assertThat(header.title()).isNull();
        assertThat(header.publishedOn()).isNull();
        assertThat(header.rest()).isEqualTo(blocks);
    }

    @Test
    void aSecondHeadlineLikeLineStaysInTheBody() {
        StoryHeader header = StoryHeader.read(List.of(
                new Block(List.of("Main headline here")),
                new Block(List.of("A standfirst without a full stop")),
                new Block(List.of(PROSE))));

        assertThat(header.title()).isEqualTo("Main headline here");
        assertThat(header.rest()).first().isEqualTo(new Block(List.of("A standfirst without a full stop")));
    }
}
