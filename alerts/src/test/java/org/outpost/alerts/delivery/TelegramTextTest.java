package org.outpost.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelegramTextTest {

    @Test
    void entriesArePackedWholeIntoAtMostMaxPartsEachWithinTheLimit() {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            entries.add("<b><a href=\"https://outpost.example/articles/" + i + "\">" + "Title ".repeat(60) + i
                    + "</a></b>");
        }
        List<String> parts =
                TelegramText.parts("<b>Heading</b>", entries, "<a href=\"x\">Manage</a>", 3, n -> n + " more");

        assertThat(parts).hasSize(3);
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(TelegramText.LIMIT));
        assertThat(parts.getFirst()).startsWith("(1/3) <b>Heading</b>");
        assertThat(parts.getLast()).endsWith("<a href=\"x\">Manage</a>");
        long shown =
                entries.stream().filter(e -> String.join("", parts).contains(e)).count();
        assertThat(parts.getLast()).contains((100 - shown) + " more");
    }

    @Test
    void anEntryTooLongEvenAloneBecomesPlainTextCutOutsideAnyTag() {
        String huge = "<b><a href=\"https://outpost.example/a\">" + "&amp;".repeat(3000) + "</a></b>";
        List<String> parts = TelegramText.parts("<b>H</b>", List.of(huge), "end", 4, n -> "");

        assertThat(parts).singleElement().satisfies(p -> {
            assertThat(p.length()).isLessThanOrEqualTo(TelegramText.LIMIT);
            assertThat(p).startsWith("<b>H</b>\n\n&amp;&amp;").endsWith("…\n\nend");
        });
    }
}
