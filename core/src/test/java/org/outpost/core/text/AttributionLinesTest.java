package org.outpost.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttributionLinesTest {

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", textBlock = """
            Source: National information agency of Tajikistan => National information agency of Tajikistan
            Sources: Asia-Plus.                               => Asia-Plus
            Copyright (c) 2015. RFE/RL, Inc. Reprinted with the permission of Radio Free Europe/Radio Liberty, 1201 Connecticut Ave NW. => RFE/RL
            © 2022 Kabar News Agency Ltd. All rights reserved. => Kabar News Agency
            Copyright 2019-2023 Asia-Plus - All rights reserved => Asia-Plus
            (c) 2021 Eurasianet                               => Eurasianet
            """)
    void namesThePublisherOfATerminator(String line, String publisher) {
        assertThat(AttributionLines.isTerminator(line)).isTrue();
        assertThat(AttributionLines.attributionOf(line)).isEqualTo(publisher);
    }

    @Test
    void reprintNoteNamesThePublisherWhenTheCopyrightDoesNot() {
        String line = "© 2022. All rights reserved. Reprinted with the permission of Central Asia Monitor, Almaty.";

        assertThat(AttributionLines.isTerminator(line)).isTrue();
        assertThat(AttributionLines.attributionOf(line)).isEqualTo("Central Asia Monitor");
    }

    @Test
    void bareRightsReservationClosesAStoryWithoutNamingAnyone() {
        assertThat(AttributionLines.isTerminator("All rights reserved.")).isTrue();
        assertThat(AttributionLines.attributionOf("All rights reserved.")).isNull();
    }

    @Test
    void photoCreditIsACopyrightNoticeButNoTerminator() {
        assertThat(AttributionLines.isCopyrightNotice("© Reuters")).isTrue();
        assertThat(AttributionLines.isTerminator("© Reuters")).isFalse();
    }

    @Test
    void sentencesMentioningSourcesOrCopyrightAreNoTerminators() {
        assertThat(AttributionLines.isTerminator("Source: a senior official. He spoke on condition of anonymity."))
                .isFalse();
        assertThat(AttributionLines.isTerminator("The source said the border was closed on Monday."))
                .isFalse();
        assertThat(AttributionLines.isTerminator("Copyrighted material was seized in 2021."))
                .isFalse();
    }
}
